import Testing

@testable import SchemaCompiler

@Suite struct DescriptorEncodingTests {
    @Test func fileWithPackageSyntaxAndEmptyOptions() {
        var file = FileDescriptor(name: "a.proto")
        file.package = "p"
        file.syntax = "proto3"
        file.options = []
        #expect(
            file.serializedBytes() == [
                0x0A, 7, 0x61, 0x2E, 0x70, 0x72, 0x6F, 0x74, 0x6F,  // name
                0x12, 1, 0x70,  // package
                0x42, 0,  // options {}
                0x62, 6, 0x70, 0x72, 0x6F, 0x74, 0x6F, 0x33,  // syntax
            ])
    }

    @Test func proto2FileOmitsSyntaxAndNilOptions() {
        let file = FileDescriptor(name: "b")
        #expect(file.serializedBytes() == [0x0A, 1, 0x62])
    }

    @Test func negativeEnumNumberIsSignExtendedToTenBytes() {
        var enumType = EnumDescriptor(name: "E")
        enumType.values = [EnumValueDescriptor(name: "N", number: -1)]
        var file = FileDescriptor(name: "f")
        file.enumTypes = [enumType]
        let value: [UInt8] = [0x0A, 1, 0x4E, 0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
        let enumBody: [UInt8] = [0x0A, 1, 0x45, 0x12, UInt8(value.count)] + value
        #expect(file.serializedBytes() == [0x0A, 1, 0x66, 0x2A, UInt8(enumBody.count)] + enumBody)
    }

    @Test func fieldWritesEveryPresentPropertyInNumberOrder() {
        var field = FieldDescriptor(name: "x", number: 1, label: .optional, type: .message)
        field.typeName = ".M"
        field.oneofIndex = 0
        field.jsonName = "x"
        field.proto3Optional = true
        var writer = WireWriter()
        field.encode(into: &writer)
        #expect(
            writer.bytes == [
                0x0A, 1, 0x78,  // name
                0x18, 1,  // number
                0x20, 1,  // label
                0x28, 11,  // type
                0x32, 2, 0x2E, 0x4D,  // type_name
                0x48, 0,  // oneof_index
                0x52, 1, 0x78,  // json_name
                0x88, 0x01, 1,  // proto3_optional (field 17)
            ])
    }

    @Test func methodWritesStreamingFlagsOnlyWhenTrue() {
        var service = ServiceDescriptor(name: "S")
        var unary = MethodDescriptor(name: "U", inputType: ".A", outputType: ".B")
        unary.options = []
        var streaming = MethodDescriptor(name: "T", inputType: ".A", outputType: ".B")
        streaming.serverStreaming = true
        service.methods = [unary, streaming]
        var writer = WireWriter()
        service.encode(into: &writer)
        let unaryBody: [UInt8] = [0x0A, 1, 0x55, 0x12, 2, 0x2E, 0x41, 0x1A, 2, 0x2E, 0x42, 0x22, 0]
        let streamingBody: [UInt8] = [0x0A, 1, 0x54, 0x12, 2, 0x2E, 0x41, 0x1A, 2, 0x2E, 0x42, 0x30, 1]
        #expect(
            writer.bytes
                == [0x0A, 1, 0x53, 0x12, UInt8(unaryBody.count)] + unaryBody
                + [0x12, UInt8(streamingBody.count)] + streamingBody)
    }

    @Test func messageRangesAndReservedNames() {
        var message = MessageDescriptor(name: "M")
        message.extensionRanges = [.init(start: 100, end: 200)]
        message.reservedRanges = [.init(start: 5, end: 6)]
        message.reservedNames = ["r"]
        var writer = WireWriter()
        message.encode(into: &writer)
        #expect(
            writer.bytes == [
                0x0A, 1, 0x4D,
                0x2A, 5, 0x08, 100, 0x10, 0xC8, 0x01,  // extension_range
                0x4A, 4, 0x08, 5, 0x10, 6,  // reserved_range
                0x52, 1, 0x72,  // reserved_name
            ])
    }

    @Test func decodingRestoresTheModelAndDerivedProperties() throws {
        var entry = MessageDescriptor(name: "LabelsEntry")
        entry.options = [0x38, 1]  // map_entry = true
        var outer = MessageDescriptor(name: "Book")
        outer.nestedTypes = [entry]
        var file = FileDescriptor(name: "book.proto")
        file.package = "shelf"
        file.syntax = "proto3"
        file.messageTypes = [outer]
        let decoded = try FileDescriptor(serializedBytes: file.serializedBytes())
        #expect(decoded.messageTypes[0].fullName == ".shelf.Book")
        #expect(decoded.messageTypes[0].nestedTypes[0].fullName == ".shelf.Book.LabelsEntry")
        #expect(decoded.messageTypes[0].nestedTypes[0].isMapEntry)
        #expect(decoded.serializedBytes() == file.serializedBytes())
    }

    @Test func truncatedInputThrows() {
        #expect(throws: WireDecodingError.self) {
            try FileDescriptor(serializedBytes: [0x0A, 5, 0x61])
        }
    }
}
