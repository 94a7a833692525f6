import Foundation
import Testing
@testable import SchemaCompiler

/// Every case of the conformance corpus through the parser and the linker: invalid cases
/// report protoc's message at protoc's position, valid ones link without errors into
/// the same descriptors as protoc's (compared as protoc's binary output).
@Suite struct LinkerCorpusTests {
    /// Cases the driver rejects (import resolution), not the linker.
    static let driverCases: Set<String> = ["import_cycle", "import_missing", "self_import"]

    @Test(arguments: Corpus.cases("invalid").filter { !driverCases.contains($0.name) })
    func rejectsInvalidCase(_ corpusCase: CorpusCase) async throws {
        let expected = try #require(corpusCase.expectedMessage)
        let output = LinkerHarness(root: corpusCase.root).link(corpusCase.file)
        let matching = output.diagnostics.filter { $0.severity == .error && $0.message.contains(expected) }
        #expect(!matching.isEmpty, "no error containing \(expected); got \(output.errors)")
        guard let reference = try await Self.protocPosition(of: expected, in: corpusCase) else { return }
        #expect(matching.contains { "\($0.location.file):\($0.location.line):\($0.location.column)" == reference },
                "protoc reports at \(reference); we report \(matching.map(\.description))")
    }

    @Test(arguments: Corpus.cases("valid"))
    func linksValidCaseLikeProtoc(_ corpusCase: CorpusCase) async throws {
        let output = LinkerHarness(root: corpusCase.root).link(corpusCase.file)
        #expect(output.errors.isEmpty)
        let reference = try await Protoc.compile(corpusCase.file, root: corpusCase.root)
        let expected = try FileDescriptorSet(serializedBytes: reference.descriptorSet)
        for file in expected.files where !file.name.hasPrefix("google/protobuf/") {
            let ours = try #require(output.file(file.name))
            #expect(ours.debugText == file.debugText)
        }
    }

    /// The `file:line:column` protoc gives for the error, when it gives one.
    static func protocPosition(of expected: String, in corpusCase: CorpusCase) async throws -> String? {
        let result = try await Protoc.compile(corpusCase.file, root: corpusCase.root)
        guard let line = result.stderr.split(separator: "\n").first(where: { $0.contains(expected) }) else { return nil }
        let parts = line.split(separator: ":", maxSplits: 3)
        guard parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil else { return nil }
        return parts[0...2].joined(separator: ":")
    }
}
