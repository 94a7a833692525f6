import Testing
@testable import SchemaCompiler

/// Name resolution and symbol clashes, with protoc 3.21's exact messages and positions.
@Suite struct LinkerResolutionTests {
    @Test func enumValuesAreSiblingsOfTheirEnum() {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            package p;
            enum Color { RED = 0; }
            message Palette {
              enum Shade { RED = 0; }
              enum Tone { LIGHT = 0; LIGHT = 1; }
            }
            enum Size { RED = 0; }
            """)
        #expect(output.errors == [
            "test.proto:6:26: \"LIGHT\" is already defined in \"p.Palette\".",
            "test.proto:8:13: \"RED\" is already defined in \"p\".",
            "test.proto:8:13: Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"RED\" must be unique within \"p\", not just within \"Size\".",
        ])
    }

    /// A single name skips non-types while searching outward; the first part of a
    /// dotted name skips non-aggregates.
    @Test func lookupSkipsFieldsLikeProtoc() throws {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            package p;
            message a { message B {} }
            message Outer {
              message T {}
              message Inner {
                int32 T = 1;
                T tt = 2;
                int32 a = 3;
                a.B bb = 4;
              }
            }
            """)
        #expect(output.errors.isEmpty)
        let inner = try #require(output.file("test.proto")?.messageTypes[1].nestedTypes[1])
        #expect(inner.fields.map(\.typeName) == [nil, ".p.Outer.T", nil, ".p.a.B"])
        #expect(inner.fields.map(\.type) == [.int32, .message, .int32, .message])
    }

    @Test func dottedNameDoesNotBacktrack() {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            package p;
            message Shelf { message Slot {} }
            message Branch {
              message Shelf {}
              Shelf.Slot slot = 1;
            }
            """)
        #expect(output.errors == [
            "test.proto:6:3: \"Shelf.Slot\" is resolved to \"p.Branch.Shelf.Slot\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \".Shelf.Slot\") to start from the outermost scope.",
        ])
    }

    @Test func symbolsOfUnimportedFilesAreNamedInTheError() {
        let output = LinkerHarness.link(
            """
            syntax = "proto3";
            package p;
            import "middle.proto";
            message Order { base.Money total = 1; }
            """,
            imports: [
                "middle.proto": "syntax = \"proto3\";\npackage mid;\nimport \"base.proto\";\nmessage M {}\n",
                "base.proto": "syntax = \"proto3\";\npackage base;\nmessage Money {}\n",
            ])
        #expect(output.errors == [
            "test.proto:4:17: \"base.Money\" seems to be defined in \"base.proto\", which is not imported by \"test.proto\".  To use it here, please add the necessary import.",
        ])
    }

    @Test func importPublicChainsAreVisible() {
        let output = LinkerHarness.link(
            """
            syntax = "proto3";
            import "a.proto";
            message Order { base.Money total = 1; }
            """,
            imports: [
                "a.proto": "syntax = \"proto3\";\nimport public \"b.proto\";\n",
                "b.proto": "syntax = \"proto3\";\nimport public \"base.proto\";\n",
                "base.proto": "syntax = \"proto3\";\npackage base;\nmessage Money {}\n",
            ])
        #expect(output.diagnostics.isEmpty)
        #expect(output.file("test.proto")?.messageTypes[0].fields[0].typeName == ".base.Money")
    }

    @Test func unusedImportIsOnlyAWarning() {
        let output = LinkerHarness.link(
            "syntax = \"proto3\";\nimport \"other.proto\";\nmessage M {}\n",
            imports: ["other.proto": "syntax = \"proto3\";\nmessage Other {}\n"])
        #expect(output.errors.isEmpty)
        #expect(output.warnings == ["test.proto:2:1: warning: Import other.proto is unused."])
    }

    @Test func extensionNumberReusedInAnotherFileWarns() {
        let output = LinkerHarness.link(
            """
            syntax = "proto2";
            package t2;
            import "b.proto";
            import "google/protobuf/descriptor.proto";
            extend google.protobuf.FieldOptions { optional int32 e2 = 5000; }
            """,
            imports: ["b.proto": """
                syntax = "proto2";
                package t;
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { optional int32 e1 = 5000; }
                """])
        #expect(output.errors.isEmpty)
        #expect(output.warnings == [
            "test.proto:3:1: warning: Import b.proto is unused.",
            "test.proto:5:59: warning: Extension number 5000 has already been used in \"google.protobuf.FieldOptions\" by extension \"t.e1\" defined in b.proto.",
        ])
    }
}
