import Foundation
import Testing

@testable import SchemaCompiler

/// The registry's `messages` and `enums` tables for a small schema, exactly: scalar,
/// message, enum, repeated, map and nested fields, and map entries left out.
@Suite("Registry message table")
struct MessageTableTests {
    static let schema = """
        syntax = "proto3";
        package tiny.v1;
        enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
        message Item {
          message Part { string part_id = 1; }
          enum Size { SIZE_UNSPECIFIED = 0; SIZE_BIG = 2; }
          string item_id = 1;
          repeated Part parts = 2;
          map<string, int64> counts = 3;
          Color color = 4;
          bytes blob = 5 [json_name = "data"];
        }
        service Items { rpc Get(Item) returns (Item); }
        """

    @Test func emitsEveryMessageAndEnumWithItsFields() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("message-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.schema.write(to: folder.appendingPathComponent("tiny.proto"), atomically: true, encoding: .utf8)
        let options = try CommandLineOptions(arguments: [
            "-I", folder.path, "--swift_out=unused", "--swift_opt=ModuleRegistry=TinyRegistry", "tiny.proto",
        ])
        let compilation = try Schemac.compile(options)
        #expect(compilation.diagnostics.map(\.protocDescription) == [])
        let registry = try #require(try Schemac.swiftOutputs(compilation, options).first { $0.path == "TinyRegistry.swift" })
        let start = try #require(registry.contents.range(of: "    /// Every message of the generated files"))
        let tables = String(registry.contents[start.lowerBound...].dropLast("}\n".count))
        #expect(tables == Self.expected)
    }

    static let expected = """
            /// Every message of the generated files by full name: its Swift type and fields.
            public static let messages: [String: ProtoWireGRPC.ProtoMessageDescription] = [
                "tiny.v1.Item": ProtoWireGRPC.ProtoMessageDescription(
                    messageType: Tiny_V1_Item.self,
                    fields: [
                        ProtoWireGRPC.ProtoFieldDescription(name: "item_id", jsonName: "itemId", number: 1, type: "string"),
                        ProtoWireGRPC.ProtoFieldDescription(name: "parts", jsonName: "parts", number: 2, type: "tiny.v1.Item.Part", kind: .message, isRepeated: true),
                        ProtoWireGRPC.ProtoFieldDescription(name: "counts", jsonName: "counts", number: 3, type: "int64", keyType: "string"),
                        ProtoWireGRPC.ProtoFieldDescription(name: "color", jsonName: "color", number: 4, type: "tiny.v1.Color", kind: .enum),
                        ProtoWireGRPC.ProtoFieldDescription(name: "blob", jsonName: "data", number: 5, type: "bytes"),
                    ]
                ),
                "tiny.v1.Item.Part": ProtoWireGRPC.ProtoMessageDescription(
                    messageType: Tiny_V1_Item.Part.self,
                    fields: [
                        ProtoWireGRPC.ProtoFieldDescription(name: "part_id", jsonName: "partId", number: 1, type: "string"),
                    ]
                ),
            ]

            /// Every enum of the generated files by full name: its value names in declaration order.
            public static let enums: [String: [String]] = [
                "tiny.v1.Color": ["COLOR_UNSPECIFIED", "COLOR_RED"],
                "tiny.v1.Item.Size": ["SIZE_UNSPECIFIED", "SIZE_BIG"],
            ]

        """
}
