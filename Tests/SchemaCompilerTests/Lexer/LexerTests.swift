import Testing
@testable import SchemaCompiler

@Suite("Lexer")
struct LexerTests {
    struct Seen: Equatable, CustomStringConvertible {
        var kind: Token.Kind
        var text: String
        var line: Int
        var column: Int
        var description: String { "\(kind) \(text) \(line):\(column)" }
    }

    func tokens(_ text: String) -> [Seen] {
        let tokenized = Lexer.tokenize(Array(text.utf8))
        return tokenized.tokens.map {
            Seen(kind: $0.kind, text: tokenized.text(of: $0), line: $0.line, column: $0.column)
        }
    }

    func problems(_ text: String) -> [String] {
        Lexer.tokenize(Array(text.utf8)).problems.map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func kindsTextsAndPositions() {
        #expect(tokens("message\tA {\n  x = 0x1F .5 5. 1e10 'a' ;") == [
            Seen(kind: .identifier, text: "message", line: 1, column: 1),
            Seen(kind: .identifier, text: "A", line: 1, column: 9),
            Seen(kind: .symbol, text: "{", line: 1, column: 11),
            Seen(kind: .identifier, text: "x", line: 2, column: 3),
            Seen(kind: .symbol, text: "=", line: 2, column: 5),
            Seen(kind: .integer, text: "0x1F", line: 2, column: 7),
            Seen(kind: .float, text: ".5", line: 2, column: 12),
            Seen(kind: .float, text: "5.", line: 2, column: 15),
            Seen(kind: .float, text: "1e10", line: 2, column: 18),
            Seen(kind: .string, text: "'a'", line: 2, column: 23),
            Seen(kind: .symbol, text: ";", line: 2, column: 27),
            Seen(kind: .end, text: "", line: 2, column: 28),
        ])
    }

    /// protoc counts bytes, and a tab moves to the next multiple of 8.
    @Test func columnsCountBytesAndTabStops() {
        #expect(tokens("\"é\" x\n a\tb\t\tc").map { "\($0.line):\($0.column)" } == [
            "1:1", "1:6", "2:2", "2:9", "2:25", "2:26",
        ])
    }

    /// A byte-order mark is skipped but still counts three columns, as in protoc.
    @Test func byteOrderMarkIsSkipped() {
        let seen = tokens("\u{FEFF}syntax")
        #expect(seen.first == Seen(kind: .identifier, text: "syntax", line: 1, column: 4))
        #expect(problems("\u{FEFF}syntax") == [])
    }

    @Test func commentsAndWhitespaceAreSkipped() {
        #expect(tokens("a // x\n/* y\n z */ b /**/c").map(\.text) == ["a", "b", "c", ""])
    }

    @Test func dotStartsAFloatOnlyBeforeADigit() {
        #expect(tokens("a.b .5 x.5").map(\.text) == ["a", ".", "b", ".5", "x", ".5", ""])
        #expect(problems("x.5") == ["1:2: Need space between identifier and decimal point."])
    }

    @Test func numberGluedToIdentifierIsTwoTokens() {
        #expect(tokens("2nd").map(\.kind) == [.integer, .identifier, .end])
        #expect(problems("2nd") == ["1:2: Need space between number and identifier."])
    }

    @Test("problems at protoc's positions", arguments: [
        ("\"a\\qb\"", ["1:4: Invalid escape sequence in string literal."]),
        ("\"a\\X41\"", ["1:4: Invalid escape sequence in string literal."]),
        ("\"\\xg\"", ["1:4: Expected hex digits for escape sequence."]),
        ("\"\\u12\"", ["1:6: Expected four hex digits for \\u escape sequence."]),
        ("\"\\U0020FFFF\"", ["1:6: Expected eight hex digits up to 10ffff for \\U escape sequence"]),
        ("\"abc\nx", ["1:5: String literals cannot cross line boundaries."]),
        ("'abc", ["1:5: Unexpected end of string."]),
        ("0x;", ["1:3: \"0x\" must be followed by hex digits."]),
        ("09", ["1:2: Numbers starting with leading zero must be in octal."]),
        ("1e;", ["1:3: \"e\" must be followed by exponent."]),
        ("1.2.3", ["1:4: Already saw decimal point or exponent; can't have another one."]),
        ("0x1.5", ["1:4: Hex and octal numbers must be integers."]),
        ("a /* b /* c */", ["1:9: \"/*\" inside block comment.  Block comments cannot be nested."]),
        ("a\n/* b\n", ["3:1: End-of-file inside block comment.", "2:1:   Comment started here."]),
        ("a \u{01}\u{02} b", ["1:3: Invalid control characters encountered in text."]),
        ("é", ["1:1: Interpreting non ascii codepoint 195.", "1:2: Interpreting non ascii codepoint 169."]),
    ])
    func problems(_ source: String, expected: [String]) {
        #expect(problems(source) == expected)
    }

    @Test func brokenByteOrderMarkIsReported() {
        let tokenized = Lexer.tokenize([0xEF, 0xBB, UInt8(ascii: "x")])
        #expect(tokenized.hasBrokenByteOrderMark)
        #expect(tokenized.problems.map(\.message) == [
            "Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file.",
        ])
    }

    /// Each problem belongs to the token being read when it was found.
    @Test func problemsAreTiedToTheirTokens() {
        let tokenized = Lexer.tokenize(Array("a 0x b".utf8))
        #expect(tokenized.problems.map(\.tokenIndex) == [1])
    }
}
