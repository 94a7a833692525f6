import ProtoWire
import Testing

/// `string` field 14 of `Sample` with each payload: valid UTF-8 decodes, the rest is
/// `invalidUTF8`.
@Suite struct UTF8ValidationTests {
    static func decode(_ payload: [UInt8]) -> Result<String, ProtoDecodingError> {
        Result { () throws(ProtoDecodingError) in
            try Portico_Example_V1_Sample(serializedBytes: [0x72, UInt8(payload.count)] + payload).text
        }
    }

    @Test(arguments: [
        ([UInt8](), ""), (Array("plain ascii, longer than 8".utf8), "plain ascii, longer than 8"),
        ([0xC3, 0xA9], "é"), ([0xE2, 0x82, 0xAC], "€"), ([0xF0, 0x9F, 0x98, 0x80], "😀"),
        ([0xEF, 0xBF, 0xBF], "\u{FFFF}"), ([0xF4, 0x8F, 0xBF, 0xBF], "\u{10FFFF}"),
        (Array("abcdefgh".utf8) + [0xC3, 0xA9], "abcdefghé"),
    ])
    func validSequences(payload: [UInt8], expected: String) throws {
        #expect(try Self.decode(payload).get() == expected)
    }

    @Test(arguments: [
        [UInt8]([0x80]), [0xC0, 0xAF], [0xC1, 0xBF], [0xC3], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
        [0xE2, 0x82], Array("abcdefgh".utf8) + [0xE2, 0x28, 0xA1],
    ])
    func invalidSequences(payload: [UInt8]) {
        #expect(throws: ProtoDecodingError.invalidUTF8) { try Self.decode(payload).get() }
    }
}
