import Foundation
import Testing

@testable import SchemaCompiler

/// Every invalid corpus case fails, with an error at the position protoc reports
/// (when protoc gives one) whose message contains the case's `// expect:` text.
@Suite struct InvalidCorpusTests {
    /// Cases whose error we report at protoc's position but in different words.
    /// Kept exact both ways: a case listed here that starts matching fails too.
    static let knownWordingDifferences: Set<String> = []

    @Test(arguments: Corpus.cases("invalid"))
    func failsLikeProtoc(_ corpusCase: CorpusCase) async throws {
        let expectedText = try #require(corpusCase.expectedMessage, "no // expect: line")
        let reference = try await Protoc.compile(corpusCase.file, root: corpusCase.root)
        try #require(reference.status != 0, "protoc accepted an invalid case")
        let protocError = try #require(
            ProtocErrorLine.parse(reference.stderr).first { $0.message.contains(expectedText) },
            "protoc's output lacks the expected text:\n\(reference.stderr)")

        let compilation = Compiler(importRoots: [corpusCase.root]).compile([corpusCase.path])
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        try #require(!errors.isEmpty, "compiled without errors; protoc said: \(protocError.text)")

        let atPosition = errors.filter { protocError.matches($0.location) }
        let rendered = errors.map(\.protocDescription).joined(separator: "\n")
        #expect(!atPosition.isEmpty, "no error at protoc's \(protocError.text)\nours:\n\(rendered)")
        let worded = atPosition.contains { $0.message.contains(expectedText) }
        if Self.knownWordingDifferences.contains(corpusCase.name) {
            #expect(!worded, "now matches protoc's wording: remove it from knownWordingDifferences")
        } else {
            #expect(worded, "wording differs from protoc's \"\(expectedText)\"\nours:\n\(rendered)")
        }
    }
}

/// One line of protoc's stderr: `file:line:column: message` or `file: message`.
struct ProtocErrorLine {
    var file: String
    var line: Int?
    var column: Int?
    var message: String
    var text: String

    static func parse(_ stderr: String) -> [ProtocErrorLine] {
        stderr.split(separator: "\n").map { parse(line: String($0)) }
    }

    private static func parse(line text: String) -> ProtocErrorLine {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 4, let line = Int(parts[1]), let column = Int(parts[2]) {
            return ProtocErrorLine(
                file: parts[0], line: line, column: column,
                message: parts[3].trimmingCharacters(in: .whitespaces), text: text)
        }
        let file = parts.first ?? ""
        let message = text.dropFirst(min(text.count, file.count + 1)).trimmingCharacters(in: .whitespaces)
        return ProtocErrorLine(file: file, line: nil, column: nil, message: message, text: text)
    }

    /// Same place as protoc; where protoc gives no position, any real position in the
    /// same file (Portico always points somewhere).
    func matches(_ location: SchemaCompiler.SourceLocation) -> Bool {
        guard location.file == file else { return false }
        guard let line, let column else { return location.line > 0 }
        return location.line == line && location.column == column
    }
}
