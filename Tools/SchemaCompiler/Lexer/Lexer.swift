/// Splits a `.proto` file into tokens the way protoc's tokenizer does, reporting the same
/// problems at the same places.
///
/// Whitespace and comments are skipped here; the parser recovers comment text from the
/// bytes between two tokens (`CommentScanner`) only where protoc attaches comments.
public struct Lexer {
    let source: [UInt8]
    /// The byte being looked at.
    var offset = 0
    var line = 1
    /// 0-based like protoc's; positions add 1 when they are recorded.
    var column = 0
    var tokens: [Token] = []
    var problems: [TokenizedSource.Problem] = []

    init(source: [UInt8]) {
        self.source = source
        tokens.reserveCapacity(source.count / 4)
    }

    /// Tokenizes a whole file. Linear in its size.
    public static func tokenize(_ source: [UInt8]) -> TokenizedSource {
        var lexer = Lexer(source: source)
        lexer.skipByteOrderMark()
        let contentStart = lexer.offset
        let hasBrokenByteOrderMark = !lexer.problems.isEmpty
        while lexer.scanToken() {}
        return TokenizedSource(
            source: source,
            tokens: lexer.tokens,
            problems: lexer.problems,
            contentStart: contentStart,
            hasBrokenByteOrderMark: hasBrokenByteOrderMark
        )
    }

    /// protoc treats a NUL byte like the end of input in most places, so both read as 0.
    var current: UInt8 { offset < source.count ? source[offset] : 0 }

    var isAtEnd: Bool { offset >= source.count }

    func peek(_ distance: Int) -> UInt8 {
        offset + distance < source.count ? source[offset + distance] : 0
    }

    /// Moves past the current byte, keeping line and column as protoc counts them.
    mutating func advance() {
        guard offset < source.count else { return }
        switch source[offset] {
        case UInt8(ascii: "\n"):
            line += 1
            column = 0
        case UInt8(ascii: "\t"):
            column += 8 - column % 8
        default:
            column += 1
        }
        offset += 1
    }

    mutating func tryConsume(_ byte: UInt8) -> Bool {
        guard !isAtEnd, current == byte else { return false }
        advance()
        return true
    }

    /// Records a problem at the current position, tied to the token being read.
    mutating func report(_ message: String) {
        report(message, line: line, column: column + 1)
    }

    mutating func report(_ message: String, line: Int, column: Int) {
        problems.append(.init(tokenIndex: tokens.count, line: line, column: column, message: message))
    }

    /// A UTF-8 byte-order mark is skipped, but its three bytes still count as columns.
    mutating func skipByteOrderMark() {
        guard tryConsume(0xEF) else { return }
        if !tryConsume(0xBB) || !tryConsume(0xBF) {
            report("Proto file starts with 0xEF but not UTF-8 BOM. Only UTF-8 is accepted for proto file.")
        }
    }
}

// MARK: - The token loop

extension Lexer {
    /// Reads the next token; returns false after appending the `.end` token.
    mutating func scanToken() -> Bool {
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                skipLineComment()
                continue
            }
            if current == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                skipBlockComment()
                continue
            }
            if isAtEnd {
                tokens.append(Token(kind: .end, range: offset..<offset, line: line, column: column + 1))
                return false
            }
            if current < 0x20 {
                skipControlCharacters()
                continue
            }
            scanSignificantToken()
            return true
        }
    }

    mutating func scanSignificantToken() {
        let start = offset
        let startLine = line
        let startColumn = column + 1
        let byte = current
        let kind: Token.Kind
        if byte.isLetter {
            advance()
            while current.isAlphanumeric { advance() }
            kind = .identifier
        } else if byte == UInt8(ascii: "0") {
            advance()
            kind = scanNumber(startedWithZero: true, startedWithDot: false)
        } else if byte == UInt8(ascii: "."), peek(1).isDigit {
            checkDecimalPointAfterIdentifier(at: start, line: startLine, column: startColumn)
            advance()
            advance()
            kind = scanNumber(startedWithZero: false, startedWithDot: true)
        } else if byte.isDigit {
            advance()
            kind = scanNumber(startedWithZero: false, startedWithDot: false)
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            advance()
            scanString(delimiter: byte)
            kind = .string
        } else {
            if byte >= 0x80 {
                report("Interpreting non ascii codepoint \(byte).")
            }
            advance()
            kind = .symbol
        }
        tokens.append(Token(kind: kind, range: start..<offset, line: startLine, column: startColumn))
    }

    /// protoc rejects `blah.123`, which would otherwise read as an identifier and a float.
    mutating func checkDecimalPointAfterIdentifier(at start: Int, line: Int, column: Int) {
        guard let previous = tokens.last, previous.kind == .identifier,
              previous.range.upperBound == start else { return }
        report("Need space between identifier and decimal point.", line: line, column: column)
    }

    mutating func skipWhitespace() {
        while !isAtEnd && current.isWhitespace { advance() }
    }

    mutating func skipControlCharacters() {
        report("Invalid control characters encountered in text.")
        advance()
        // Like protoc, the run of skipped bytes may include whitespace.
        while !isAtEnd && current < 0x20 { advance() }
    }
}

// MARK: - Byte classes (ASCII only, like protoc: no locale, no Unicode letters)

extension UInt8 {
    var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "_")
    }

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isOctalDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "7") }

    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }

    var isAlphanumeric: Bool { isLetter || isDigit }

    /// Space, `\t`, `\n`, `\v`, `\f`, `\r`.
    var isWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }

    /// The value of a hex digit; the caller checked `isHexDigit`.
    var hexValue: UInt8 {
        if isDigit { return self - UInt8(ascii: "0") }
        if self >= UInt8(ascii: "a") { return self - UInt8(ascii: "a") + 10 }
        return self - UInt8(ascii: "A") + 10
    }
}
