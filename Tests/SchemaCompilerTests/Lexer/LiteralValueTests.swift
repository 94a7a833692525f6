import Testing
@testable import SchemaCompiler

@Suite("Literal values")
struct LiteralValueTests {
    @Test("integers", arguments: [
        ("0", UInt64(0)), ("123", 123), ("0x7B", 123), ("0X7b", 123), ("0173", 123), ("00", 0),
        ("0x", 0), ("18446744073709551615", UInt64.max), ("0xFFFFFFFFFFFFFFFF", UInt64.max),
        ("01777777777777777777777", UInt64.max),
    ] as [(String, UInt64)])
    func integer(_ text: String, expected: UInt64) {
        #expect(LiteralValue.integer(Array(text.utf8)) == expected)
    }

    @Test("integers that do not fit or have bad digits", arguments: [
        "18446744073709551616", "0x10000000000000000", "02000000000000000000000", "09", "0x1g",
    ])
    func invalidInteger(_ text: String) {
        #expect(LiteralValue.integer(Array(text.utf8)) == nil)
    }

    @Test("floats", arguments: [
        ("1.5", 1.5), (".5", 0.5), ("5.", 5.0), ("1e10", 1e10), ("1E+2", 100), ("2.5e-3", 0.0025),
        ("1e", 1), ("2e+", 2), ("1e400", .infinity),
    ] as [(String, Double)])
    func float(_ text: String, expected: Double) {
        #expect(LiteralValue.float(Array(text.utf8)) == expected)
    }

    func decode(_ literal: String) -> [UInt8] {
        var bytes: [UInt8] = []
        LiteralValue.appendString(ArraySlice(Array(literal.utf8)), to: &bytes)
        return bytes
    }

    @Test func simpleEscapes() {
        #expect(decode(#""\a\b\f\n\r\t\v\\\'\"\?""#) == [7, 8, 12, 10, 13, 9, 11, 92, 39, 34, 63])
    }

    @Test func octalAndHexEscapes() {
        #expect(decode(#""\101\0\1012\377\400""#) == [65, 0, 65, 50, 255, 0])
        #expect(decode(#""\x41\x4\xfFz""#) == [65, 4, 255, 122])
    }

    @Test func unicodeEscapesBecomeUTF8() {
        #expect(decode(#""\u00e9\u03A9""#) == [0xC3, 0xA9, 0xCE, 0xA9])
        #expect(decode(#""\U0001F4DA""#) == [0xF0, 0x9F, 0x93, 0x9A])
        #expect(decode(#""\ud83d\ude00""#) == [0xF0, 0x9F, 0x98, 0x80])
    }

    /// protoc writes a code point beyond U+10FFFF back as escape text.
    @Test func codePointBeyondUnicodeIsKeptAsText() {
        #expect(decode(#""\U00110000""#) == Array(#"\U00110000"#.utf8))
    }

    @Test func quotesAndRawBytes() {
        #expect(decode(#"'a"b'"#) == Array(#"a"b"#.utf8))
        #expect(decode("\"café\"") == Array("café".utf8))
        #expect(decode("\"unterminated") == Array("unterminated".utf8))
    }

    /// Invalid escapes were reported by the lexer; the decoder still produces something.
    @Test func invalidEscapesDecodeLikeProtoc() {
        #expect(decode(#""\q\u12""#) == Array("?u12".utf8))
    }
}
