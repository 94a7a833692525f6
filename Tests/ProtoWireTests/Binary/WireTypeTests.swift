import ProtoWire
import Testing

/// Every wire type, written and read through `Sample`'s fields.
@Suite struct WireTypeTests {
    @Test func fixedWidthValuesAreLittleEndian() throws {
        var sample = Portico_Example_V1_Sample()
        sample.f32 = 0x0102_0304
        sample.f64 = 0x0102_0304_0506_0708
        sample.sf32 = -2
        sample.sf64 = -3
        sample.fl = -0.0
        sample.db = .infinity
        let expected = "3d04030201" + "410807060504030201" + "4dfeffffff" + "51fdffffffffffffff"
            + "5d00000080" + "61000000000000f07f"
        #expect(hexString(sample.serializedBytes()) == expected)
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex(expected))
        #expect(decoded == sample)
        #expect(decoded.fl.sign == .minus)
    }

    @Test func lengthDelimitedValues() throws {
        var sample = Portico_Example_V1_Sample()
        sample.text = "hi"
        sample.blob = [0, 255]
        #expect(hexString(sample.serializedBytes()) == "72026869" + "7a0200ff")
    }

    @Test func boolDecodesAnyNonZeroVarintAsTrue() throws {
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex("6802")).flag)
    }

    @Test func unknownEnumNumbersAreKept() throws {
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("8001 07"))
        #expect(decoded.status == .unrecognized(7))
        #expect(hexString(decoded.serializedBytes()) == "800107")
    }

    @Test func wrongWireTypeForAKnownFieldIsAnError() {
        // Field 1 (int32) sent as fixed32.
        let error = #expect(throws: ProtoDecodingError.self) {
            try Portico_Example_V1_Sample(serializedBytes: hex("0d01000000"))
        }
        #expect(error == .wrongWireType(fieldNumber: 1))
        // Field 14 (string) sent as a varint.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("7001")) == .wrongWireType)
        // Field 17 (message) sent as fixed64.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("89010000000000000000")) == .wrongWireType)
    }

    @Test(arguments: ["0e", "0f", "0c"])
    func invalidWireTypes(_ tag: String) {
        // 6 and 7 do not exist; 4 (end group) without a start group.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex(tag + "00")) == .invalidWireType)
    }

    @Test func fieldNumberZeroIsInvalid() {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("0001")) == .invalidFieldNumber)
    }

    @Test(arguments: ["3d0102", "41010203", "7205616263"])
    func truncatedPayloads(_ input: String) {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex(input)) == .truncated)
    }

    @Test func invalidUTF8InAStringFieldIsAnError() {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("7202c328")) == .invalidUTF8)
        // The same bytes are fine in a bytes field.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("7a02c328")) == nil)
    }
}
