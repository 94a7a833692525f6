import Testing

@testable import SchemaCompiler

@Suite struct CompilerTests {
    @Test func descriptorNamesAreRelativeToTheImportRoot() throws {
        let tree = try TemporaryTree([
            "protos/shelf/book.proto": "syntax = \"proto3\";\npackage shelf;\nimport \"shelf/author.proto\";\nmessage Book { Author author = 1; }\n",
            "protos/shelf/author.proto": "syntax = \"proto3\";\npackage shelf;\nmessage Author {}\n",
        ])
        let compilation = Compiler(importRoots: [tree.path("protos")]).compile([tree.path("protos/shelf/book.proto")])
        #expect(compilation.diagnostics == [])
        #expect(compilation.inputNames == ["shelf/book.proto"])
        #expect(compilation.descriptorSet(includeImports: false).files.map(\.name) == ["shelf/book.proto"])
        #expect(
            compilation.descriptorSet(includeImports: true).files.map(\.name)
                == ["shelf/author.proto", "shelf/book.proto"])
    }

    @Test func includeImportsIsDependenciesFirstInImportOrder() throws {
        let tree = try TemporaryTree([
            "main.proto": "syntax = \"proto3\";\nimport \"left.proto\";\nimport \"right.proto\";\nimport \"google/protobuf/empty.proto\";\n",
            "left.proto": "syntax = \"proto3\";\nimport \"base.proto\";\n",
            "right.proto": "syntax = \"proto3\";\nimport \"base.proto\";\n",
            "base.proto": "syntax = \"proto3\";\n",
        ])
        let compilation = Compiler(importRoots: [tree.root]).compile(["main.proto"])
        #expect(compilation.diagnostics.filter { $0.severity == .error } == [])
        #expect(
            compilation.descriptorSet(includeImports: true).files.map(\.name) == [
                "base.proto", "left.proto", "right.proto", "google/protobuf/empty.proto", "main.proto",
            ])
    }

    @Test func missingImportIsReportedAtTheImportAndAsFileNotFound() throws {
        let tree = try TemporaryTree(["a.proto": "syntax = \"proto3\";\n\nimport \"gone.proto\";\n"])
        let compilation = Compiler(importRoots: [tree.root]).compile(["a.proto"])
        #expect(compilation.diagnostics.map(\.protocDescription) == [
            "a.proto:3:1: Import \"gone.proto\" was not found or had errors.",
            "gone.proto: File not found.",
        ])
        #expect(compilation.hasErrors)
    }

    @Test func importCycleIsReportedOnItsFirstFile() throws {
        let tree = try TemporaryTree([
            "main.proto": "syntax = \"proto3\";\nimport \"a.proto\";\n",
            "a.proto": "syntax = \"proto3\";\n\n\nimport \"b.proto\";\n",
            "b.proto": "syntax = \"proto3\";\n\n  import \"a.proto\";\n",
        ])
        let compilation = Compiler(importRoots: [tree.root]).compile(["main.proto"])
        #expect(compilation.diagnostics.map(\.protocDescription) == [
            "a.proto:4:1: File recursively imports itself: a.proto -> b.proto -> a.proto",
            "a.proto:4:1: Import \"b.proto\" was not found or had errors.",
            "b.proto:3:3: Import \"a.proto\" was not found or had errors.",
            "main.proto:2:1: Import \"a.proto\" was not found or had errors.",
        ])
    }

    @Test func selfImport() throws {
        let tree = try TemporaryTree(["self.proto": "syntax = \"proto3\";\n\n import \"self.proto\";\n"])
        let compilation = Compiler(importRoots: [tree.root]).compile(["self.proto"])
        #expect(compilation.diagnostics.map(\.protocDescription) == [
            "self.proto:3:2: File recursively imports itself: self.proto -> self.proto",
            "self.proto:3:2: Import \"self.proto\" was not found or had errors.",
        ])
    }

    @Test func anImportWithSyntaxErrorsFailsItsImporter() throws {
        let tree = try TemporaryTree([
            "main.proto": "syntax = \"proto3\";\nimport \"bad.proto\";\n",
            "bad.proto": "syntax = \"proto3\";\nmessage Foo { int32 x = 1 }\n",
        ])
        let compilation = Compiler(importRoots: [tree.root]).compile(["main.proto"])
        #expect(compilation.diagnostics.map(\.protocDescription) == [
            "bad.proto:2:27: Expected \";\".",
            "main.proto:2:1: Import \"bad.proto\" was not found or had errors.",
        ])
    }

    @Test func inputOutsideEveryRootIsRejected() throws {
        let tree = try TemporaryTree(["in/a.proto": "syntax = \"proto3\";\n", "other/b.proto": "syntax = \"proto3\";\n"])
        let compilation = Compiler(importRoots: [tree.path("other")]).compile([tree.path("in/a.proto")])
        #expect(compilation.diagnostics.map(\.message) == [
            "\(tree.path("in/a.proto")): File does not reside within any path specified using --proto_path (or -I).  You must specify a --proto_path which encompasses this file.  Note that the proto_path must be an exact prefix of the .proto file names -- protoc is too dumb to figure out when two paths (e.g. absolute and relative) are equivalent (it's harder than you think)."
        ])
    }

    @Test func shadowedInputIsRejected() throws {
        let tree = try TemporaryTree(["first/a.proto": "syntax = \"proto3\";\n", "second/a.proto": "syntax = \"proto3\";\n"])
        let compilation = Compiler(importRoots: [tree.path("first"), tree.path("second")])
            .compile([tree.path("second/a.proto")])
        #expect(compilation.diagnostics.map(\.message) == [
            "\(tree.path("second/a.proto")): Input is shadowed in the --proto_path by \"\(tree.path("first/a.proto"))\".  Either use the latter file as your input or reorder the --proto_path so that the former file's location comes first."
        ])
    }

    @Test func nonexistentInput() {
        let compilation = Compiler(importRoots: ["/nonexistent-root"]).compile(["nothere.proto"])
        #expect(compilation.diagnostics.map(\.protocDescription) == [
            "nothere.proto: Could not make proto path relative: nothere.proto: No such file or directory"
        ])
    }

    @Test func virtualInputPathIsFoundUnderARoot() throws {
        let tree = try TemporaryTree(["pkg/a.proto": "syntax = \"proto3\";\npackage pkg;\nmessage A {}\n"])
        let compilation = Compiler(importRoots: [tree.root]).compile(["pkg/a.proto"])
        #expect(compilation.diagnostics == [])
        #expect(compilation.inputFiles.map(\.name) == ["pkg/a.proto"])
        #expect(compilation.inputFiles.first?.messageTypes.map(\.name) == ["A"])
    }
}
