import Foundation
import Testing

@testable import SchemaCompiler

/// `--descriptor_set_out` lists files in protoc's order: dependencies first (depth first
/// from each input in command-line order), with or without `--include_imports`.
@Suite("Descriptor set order")
struct DescriptorSetOrderTests {
    /// Every schema under Schema/, sorted by path as the shell lists them.
    static let schemaFiles: [String] = {
        let root = RepositoryRoot.path("Schema")
        let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".proto") }.sorted()
    }()

    @Test(arguments: [false, true])
    func schemaFolderMatchesProtocByteForByte(includeImports: Bool) async throws {
        let root = RepositoryRoot.path("Schema")
        #expect(Self.schemaFiles.count == 14)
        let reference = try await Protoc.descriptorSet(root: root, files: Self.schemaFiles, includeImports: includeImports)
        #expect(reference.status == 0, "\(reference.stderr)")
        let compilation = Compiler(importRoots: [root]).compile(Self.schemaFiles)
        #expect(!compilation.hasErrors)
        let ours = compilation.descriptorSet(includeImports: includeImports).serializedBytes()
        #expect(ours == reference.descriptorSet)
    }

    /// `b` is listed after `a` but imported by it; `c` is imported only by way of `x`,
    /// which is not an input.
    static let tree = [
        "a.proto": "syntax = \"proto3\";\nimport \"b.proto\";\nimport \"x.proto\";\nmessage A { B b = 1; X x = 2; }\n",
        "b.proto": "syntax = \"proto3\";\nmessage B {}\n",
        "x.proto": "syntax = \"proto3\";\nimport \"c.proto\";\nmessage X { C c = 1; }\n",
        "c.proto": "syntax = \"proto3\";\nmessage C {}\n",
    ]

    @Test(arguments: [
        (false, ["b.proto", "a.proto", "c.proto"]),
        (true, ["b.proto", "c.proto", "x.proto", "a.proto"]),
    ])
    func inputsComeAfterTheirDependencies(includeImports: Bool, expected: [String]) async throws {
        let tree = try TemporaryTree(Self.tree)
        let inputs = ["a.proto", "c.proto", "b.proto"]
        let set = Compiler(importRoots: [tree.root]).compile(inputs).descriptorSet(includeImports: includeImports)
        #expect(set.files.map(\.name) == expected)
        let reference = try await Protoc.descriptorSet(root: tree.root, files: inputs, includeImports: includeImports)
        #expect(reference.status == 0, "\(reference.stderr)")
        #expect(set.serializedBytes() == reference.descriptorSet)
    }
}
