import ProtoWire
import Testing

@Suite struct UnknownFieldsTests {
    /// Unknown fields of every wire type, including a group with a nested group.
    static let unknown = "f80701" + "fd0701020304" + "f9070102030405060708" + "fa07026869"
        + "fb07 0801 fb08 1001 fc08 fc07"

    @Test func unknownFieldsAreKeptAndWrittenAfterKnownFields() throws {
        let input = hex(Self.unknown + "0a0161")
        let address = try Portico_Example_V1_Address(serializedBytes: input)
        #expect(address.line1 == "a")
        #expect(hexString(address.unknownFields.bytes) == hexString(hex(Self.unknown)))
        #expect(hexString(address.serializedBytes()) == "0a0161" + hexString(hex(Self.unknown)))
    }

    @Test func unknownFieldsCanBeDiscarded() throws {
        let address = try Portico_Example_V1_Address(
            serializedBytes: hex(Self.unknown), options: .init(discardUnknownFields: true))
        #expect(address.unknownFields.isEmpty)
    }

    @Test func groupEndWithAnotherFieldNumberIsInvalid() {
        #expect(decodingErrorCode(Portico_Example_V1_Address.self, hex("fb07 fc08")) == .invalidWireType)
    }

    @Test func unterminatedGroupIsTruncated() {
        #expect(decodingErrorCode(Portico_Example_V1_Address.self, hex("fb07 0801")) == .truncated)
    }

    @Test func deeplyNestedGroupsHitTheRecursionLimit() {
        let input = [UInt8](repeating: 0x0b, count: 10_000)  // field 1 start-group, 10,000 times
        #expect(decodingErrorCode(Portico_Example_V1_Sample.Inner.self, [0x13] + input) == .recursionLimitExceeded)
    }
}
