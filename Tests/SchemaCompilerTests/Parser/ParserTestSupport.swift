import Foundation
@testable import SchemaCompiler

/// Parses `text` as a file named `test.proto`.
func parse(_ text: String, path: String = "test.proto") -> (file: AST.File, diagnostics: [String]) {
    var diagnostics = Diagnostics()
    let file = Parser.parse(source: Array(text.utf8), path: path, diagnostics: &diagnostics)
    return (file, diagnostics.all.map(\.description))
}

/// The diagnostics of parsing `text`, as `file:line:column: message` lines.
func diagnostics(_ text: String) -> [String] {
    parse(text).diagnostics
}

/// Parses text that must be free of errors and returns its statements.
func statements(_ text: String) -> [AST.FileStatement] {
    parse(text).file.statements
}

/// The first message declared at file level.
func firstMessage(_ text: String) -> AST.MessageDeclaration? {
    for case .message(let message) in statements(text) { return message }
    return nil
}

func location(_ line: Int, _ column: Int, file: String = "test.proto") -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
}

/// The conformance corpus, found the way the conformance tests find it
/// (`Corpus.corpusDirectory`); nil when it is missing.
func conformanceDirectory() -> URL? {
    let directory = URL(fileURLWithPath: Corpus.corpusDirectory)
    return FileManager.default.fileExists(atPath: directory.path) ? directory : nil
}

/// Every `.proto` file under `directory`, as paths relative to it, sorted.
func protoFiles(under directory: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".proto") }.sorted()
}
