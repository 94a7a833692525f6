import Testing
@testable import SchemaCompiler

/// What the linker generates and fills in, compared with protoc 3.21's output.
@Suite struct LinkerShapeTests {
    @Test func mapFieldGetsAnEntryTypeAmongNestedTypes() throws {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            package p;
            message M {
              message First {}
              map<string, First> by_id = 1;
              message Last {}
            }
            """)
        #expect(output.errors.isEmpty)
        let message = try #require(output.file("test.proto")?.messageTypes.first)
        #expect(message.nestedTypes.map(\.name) == ["First", "ByIdEntry", "Last"])
        let entry = message.nestedTypes[1]
        #expect(entry.options == [0x38, 0x01])
        #expect(entry.isMapEntry)
        #expect(entry.fields.map(\.name) == ["key", "value"])
        #expect(entry.fields.map(\.typeName) == [nil, ".p.M.First"])
        #expect(entry.fields.map(\.jsonName) == ["key", "value"])
        let field = message.fields[0]
        #expect(field.label == .repeated)
        #expect(field.typeName == ".p.M.ByIdEntry")
        #expect(field.jsonName == "byId")
    }

    @Test func proto3OptionalGetsSyntheticOneofsAfterRealOnes() throws {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            message M {
              optional int32 x = 1;
              oneof _x { string a = 3; }
              optional string _y = 4;
            }
            """)
        #expect(output.errors.isEmpty)
        let message = try #require(output.file("test.proto")?.messageTypes.first)
        #expect(message.oneofDecls.map(\.name) == ["_x", "X_x", "X_y"])
        #expect(message.oneofDecls.map(\.isSynthetic) == [false, true, true])
        #expect(message.fields.map(\.oneofIndex) == [1, 0, 2])
        #expect(message.fields.map(\.proto3Optional) == [true, nil, true])
        #expect(message.fields.map(\.jsonName) == ["x", "a", "Y"])
    }

    @Test func proto2DefaultsAreRenderedLikeProtoc() throws {
        let output = LinkerHarness.link("""
            syntax = "proto2";
            package q;
            enum E { ZERO = 0; ONE = 1; }
            message D {
              optional float f = 1 [default = 1.5];
              optional double big = 2 [default = 1e20];
              optional double neg = 3 [default = -inf];
              optional bytes raw = 4 [default = "\\001a\\"\\n"];
              optional int64 small = 5 [default = -5];
              optional E e = 6 [default = ONE];
              optional double third = 7 [default = 0.1];
              optional sint32 hex = 8 [default = 0x10];
              optional E bad = 9 [default = TWO];
            }
            """)
        #expect(output.errors == ["test.proto:13:33: Enum type \"q.E\" has no value named \"TWO\"."])
        let fields = try #require(output.file("test.proto")?.messageTypes.first?.fields)
        #expect(fields.map(\.defaultValue) == ["1.5", "1e+20", "-inf", "\\001a\\\"\\n", "-5", "ONE", "0.1", "16", nil])
    }

    @Test func packedFollowsSyntaxAndOption() throws {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            message M {
              repeated int32 a = 1;
              repeated int32 b = 2 [packed = false];
              repeated string c = 3 [packed = false];
              int32 d = 4 [packed = false];
            }
            """)
        #expect(output.errors.isEmpty)
        let fields = try #require(output.file("test.proto")?.messageTypes.first?.fields)
        #expect(fields.map(\.isPacked) == [true, false, false, false])
    }

    @Test func handWrittenMapEntryMustMatchTheGeneratedOne() {
        let output = LinkerHarness.link("""
            syntax = "proto3";
            message Index {
              message CountsEntry {
                option map_entry = true;
                string key = 1;
                double value = 2;
              }
              repeated CountsEntry counts = 1;
              message Bad {
                option map_entry = true;
                double key = 1;
                int32 value = 2;
              }
              repeated Bad bad = 2;
            }
            """)
        #expect(output.errors == [
            "test.proto:14:12: map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.",
        ])
    }
}
