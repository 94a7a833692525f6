import PorticoAPI
import ProtoWire
import Testing

/// Portico's shared API types, generated from Schema/portico/v1/common.proto, used the
/// way the README shows.
@Suite("PorticoAPI common types")
struct CommonTypesTests {
    @Test func moneyRoundTripsThroughBinaryAndJSON() throws {
        var price = Portico_V1_Money()
        price.amountMinor = 12_345
        price.currencyCode = "USD"

        let bytes = price.serializedBytes()
        #expect(bytes == [0x08, 0xB9, 0x60, 0x12, 0x03, 0x55, 0x53, 0x44])
        #expect(try Portico_V1_Money(serializedBytes: bytes) == price)

        let json = try price.jsonString()
        #expect(json == #"{"amountMinor":"12345","currencyCode":"USD"}"#)
        #expect(try Portico_V1_Money(jsonString: json) == price)
    }

    @Test func negativeAmountsAreTenByteVarints() throws {
        var credit = Portico_V1_Money()
        credit.amountMinor = -1
        #expect(credit.serializedBytes() == [0x08] + Array(repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func rolesKeepUnknownNumbers() throws {
        #expect(Portico_V1_Role(rawValue: 4) == .owner)
        #expect(Portico_V1_Role(rawValue: 99) == .unrecognized(99))
        #expect(Portico_V1_Role(protoName: "ROLE_MEMBER") == .member)
    }
}
