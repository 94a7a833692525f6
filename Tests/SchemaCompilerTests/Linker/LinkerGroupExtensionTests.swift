import Testing
@testable import SchemaCompiler

/// proto2 groups in `extend` blocks, which protoc 3.21 accepts: the extension field is
/// named after the lower-cased group, and the group's message is declared in the
/// block's scope, in source order (expectations from protoc's descriptor set).
@Suite struct LinkerGroupExtensionTests {
    @Test func groupExtensionsAtFileAndMessageLevel() throws {
        let output = LinkerHarness.link("""
            syntax = "proto2";
            package p;
            message B { extensions 1 to max; }
            extend B { optional int32 before = 3; optional group G = 1 { optional int32 x = 1; } optional int32 after = 2; }
            message C { extend B { repeated group H = 4 { } } }
            """)
        #expect(output.errors == [])
        let file = try #require(output.file("test.proto"))
        #expect(file.messageTypes.map(\.name) == ["B", "G", "C"])
        #expect(file.messageTypes[1].fields.map(\.name) == ["x"])
        #expect(file.extensions.map(\.name) == ["before", "g", "after"])
        #expect(file.extensions.map(\.number) == [3, 1, 2])
        #expect(file.extensions.map(\.type) == [.int32, .group, .int32])
        #expect(file.extensions.map(\.typeName) == [nil, ".p.G", nil])
        #expect(file.extensions.map(\.extendee) == [".p.B", ".p.B", ".p.B"])
        let container = file.messageTypes[2]
        #expect(container.nestedTypes.map(\.name) == ["H"])
        #expect(container.extensions.map(\.name) == ["h"])
        #expect(container.extensions.first?.label == .repeated)
        #expect(container.extensions.first?.type == .group)
        #expect(container.extensions.first?.typeName == ".p.C.H")
    }

    @Test func groupExtensionNumberIsChecked() {
        let output = LinkerHarness.link("""
            syntax = "proto2";
            message B { extensions 10 to 20; }
            extend B { optional group G = 5 {} }
            """)
        #expect(output.errors == ["test.proto:3:31: \"B\" does not declare 5 as an extension number."])
    }
}
