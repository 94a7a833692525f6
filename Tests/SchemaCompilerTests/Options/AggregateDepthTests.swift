import Testing
@testable import SchemaCompiler

/// An aggregate option value may nest messages 100 deep (the parser refuses more);
/// the deepest allowed value encodes exactly as protoc 3.21 encodes it.
@Suite struct AggregateDepthTests {
    static func compile(depth: Int) -> Compilation {
        let value = String(repeating: "o { ", count: depth) + "x: 1" + String(repeating: " }", count: depth)
        let source = """
            syntax = "proto2";
            import "google/protobuf/descriptor.proto";
            message R { optional R o = 1; optional int32 x = 2; }
            extend google.protobuf.FileOptions { optional R o = 50000; }
            option (o) = { \(value) };
            """
        return Compiler.compile(["deep.proto"], sources: ["deep.proto": Array(source.utf8)])
    }

    static func varint(_ value: Int) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }

    @Test func hundredLevelsEncodeAsNestedMessages() {
        let compilation = Self.compile(depth: 100)
        #expect(compilation.diagnostics == [])
        var message: [UInt8] = [0x10, 0x01]  // x: 1
        for _ in 0..<100 {
            message = [0x0A] + Self.varint(message.count) + message  // o { ... }
        }
        let expected = Self.varint(50_000 << 3 | 2) + Self.varint(message.count) + message
        #expect(compilation.inputFiles.first?.options == expected)
    }

    @Test func hundredAndOneLevelsAreRefused() {
        #expect(Self.compile(depth: 101).diagnostics.map(\.protocDescription) == [
            "deep.proto:5:14: Error while parsing option value for \"o\": Message is too deep, the parser exceeded the configured recursion limit of 100.",
        ])
    }
}
