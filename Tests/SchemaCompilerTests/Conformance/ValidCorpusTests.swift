import Foundation
import Testing

@testable import SchemaCompiler

/// Every valid corpus case compiles without errors to protoc's exact descriptor set
/// (`--include_imports`), compared file by file with a readable diff.
@Suite struct ValidCorpusTests {
    @Test(arguments: Corpus.cases("valid"))
    func matchesProtoc(_ corpusCase: CorpusCase) async throws {
        let reference = try await Protoc.compile(corpusCase.file, root: corpusCase.root)
        try #require(reference.status == 0, "protoc rejected a valid case: \(reference.stderr)")
        let expected = try FileDescriptorSet(serializedBytes: reference.descriptorSet)

        let compilation = Compiler(importRoots: [corpusCase.root]).compile([corpusCase.path])
        let errors = compilation.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "unexpected errors:\n\(errors.map(\.protocDescription).joined(separator: "\n"))")
        let actual = compilation.descriptorSet(includeImports: true)

        #expect(actual.files.map(\.name) == expected.files.map(\.name), "files or their order differ")
        for expectedFile in expected.files {
            guard let actualFile = actual.files.first(where: { $0.name == expectedFile.name }) else { continue }
            let want = DescriptorComparison.comparableText(expectedFile)
            let got = DescriptorComparison.comparableText(actualFile)
            if want != got {
                Issue.record("\(expectedFile.name) differs from protoc (- protoc, + ours):\n\(LineDiff.render(expected: want, actual: got))")
            }
        }
        let userFiles = expected.files.filter { !DescriptorComparison.isBuiltIn($0.name) }
        let ours = actual.files.filter { !DescriptorComparison.isBuiltIn($0.name) }
        if userFiles.map(\.debugText) == ours.map(\.debugText) {
            // Equal text must also mean equal bytes (the text hides nothing).
            #expect(
                FileDescriptorSet(files: ours).serializedBytes() == FileDescriptorSet(files: userFiles).serializedBytes())
        }
    }
}
