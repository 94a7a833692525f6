import Foundation
import Testing

@testable import SchemaCompiler

/// The whole `schemac` tool, in-process.
@Suite struct SchemacTests {
    func run(_ arguments: [String]) -> (Int32, [String]) {
        var lines: [String] = []
        let status = Schemac.run(arguments: arguments) { lines.append($0) }
        return (status, lines)
    }

    @Test func writesTheDescriptorSetItCompiled() throws {
        let tree = try TemporaryTree(["a.proto": "syntax = \"proto3\";\npackage p;\nmessage A { int32 x = 1; }\n"])
        let output = tree.path("out/set.pb")
        let (status, lines) = run(["-I\(tree.root)", "--descriptor_set_out=\(output)", tree.path("a.proto")])
        #expect(status == 0)
        #expect(lines == [])
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
        let expected = Compiler(importRoots: [tree.root]).compile(["a.proto"])
            .descriptorSet(includeImports: false).serializedBytes()
        #expect(written == expected)
        #expect(try FileDescriptorSet(serializedBytes: written).files.map(\.name) == ["a.proto"])
    }

    @Test func printsSortedDiagnosticsAndFailsOnErrors() throws {
        let tree = try TemporaryTree([
            "a.proto": "syntax = \"proto3\";\nmessage A { Missing m = 1; Gone g = 2; }\n"
        ])
        let (status, lines) = run(["--proto_path", tree.root, "-o", tree.path("x.pb"), tree.path("a.proto")])
        #expect(status == 1)
        #expect(lines == ["a.proto:2:13: \"Missing\" is not defined.", "a.proto:2:28: \"Gone\" is not defined."])
        #expect(!FileManager.default.fileExists(atPath: tree.path("x.pb")))
    }

    @Test func warningsAloneSucceed() throws {
        let tree = try TemporaryTree([
            "a.proto": "syntax = \"proto3\";\nimport \"b.proto\";\n",
            "b.proto": "syntax = \"proto3\";\n",
        ])
        let (status, lines) = run(["-I", tree.root, "-o", tree.path("x.pb"), "a.proto"])
        #expect(status == 0)
        #expect(lines == ["a.proto:2:1: warning: Import b.proto is unused."])
    }

    @Test func generatesSwiftIntoTheOutputDirectory() throws {
        let tree = try TemporaryTree(["shelf/book.proto": "syntax = \"proto3\";\npackage shelf;\nmessage Book { string title = 1; }\n"])
        let (status, lines) = run(["-I", tree.root, "--swift_out=\(tree.path("gen"))", "shelf/book.proto"])
        #expect(status == 0, "\(lines)")
        let generated = try String(contentsOfFile: tree.path("gen/shelf/book.pb.swift"), encoding: .utf8)
        #expect(generated.contains("struct Shelf_Book"))
    }

    @Test func rejectsAnUnknownSwiftOption() throws {
        let tree = try TemporaryTree(["a.proto": "syntax = \"proto3\";\n"])
        let (status, lines) = run(["-I", tree.root, "--swift_out=\(tree.path("gen"))", "--swift_opt=Bogus=1", "a.proto"])
        #expect(status == 1)
        #expect(lines == ["unknown swift_opt 'Bogus'"])
    }

    @Test(arguments: [
        ([String](), "Missing input file."),
        (["a.proto"], "Missing output directives."),
        (["--bogus"], "Unknown flag: --bogus"),
    ])
    func commandLineMistakes(_ arguments: [String], _ message: String) {
        let (status, lines) = run(arguments)
        #expect(status == 1)
        #expect(lines == [message])
    }
}
