// Numbers and strings are only checked here, with protoc's messages and positions;
// `LiteralValue` turns their text into values when the parser needs them.

extension Lexer {
    /// Scans the rest of a number whose first byte (or `.` and first digit) is consumed.
    mutating func scanNumber(startedWithZero: Bool, startedWithDot: Bool) -> Token.Kind {
        var isFloat = false
        if startedWithZero && (tryConsume(UInt8(ascii: "x")) || tryConsume(UInt8(ascii: "X"))) {
            if current.isHexDigit {
                while current.isHexDigit { advance() }
            } else {
                report("\"0x\" must be followed by hex digits.")
            }
        } else if startedWithZero && current.isDigit {
            while current.isOctalDigit { advance() }
            if current.isDigit {
                report("Numbers starting with leading zero must be in octal.")
                while current.isDigit { advance() }
            }
        } else {
            isFloat = scanDecimalTail(startedWithDot: startedWithDot)
        }
        if current.isLetter {
            report("Need space between number and identifier.")
        } else if current == UInt8(ascii: ".") {
            report(isFloat
                ? "Already saw decimal point or exponent; can't have another one."
                : "Hex and octal numbers must be integers.")
        }
        return isFloat ? .float : .integer
    }

    /// Digits, an optional fraction and an optional exponent; true when it is a float.
    mutating func scanDecimalTail(startedWithDot: Bool) -> Bool {
        var isFloat = startedWithDot
        while current.isDigit { advance() }
        if !startedWithDot && tryConsume(UInt8(ascii: ".")) {
            isFloat = true
            while current.isDigit { advance() }
        }
        if tryConsume(UInt8(ascii: "e")) || tryConsume(UInt8(ascii: "E")) {
            isFloat = true
            _ = tryConsume(UInt8(ascii: "-")) || tryConsume(UInt8(ascii: "+"))
            if current.isDigit {
                while current.isDigit { advance() }
            } else {
                report("\"e\" must be followed by exponent.")
            }
        }
        return isFloat
    }

    /// Scans a string literal after its opening quote, validating escapes as protoc 3.21
    /// does (`\X` is not an escape there, and `\U` must stay below 0x200000).
    mutating func scanString(delimiter: UInt8) {
        while true {
            switch current {
            case 0:
                report("Unexpected end of string.")
                return
            case UInt8(ascii: "\n"):
                report("String literals cannot cross line boundaries.")
                return
            case UInt8(ascii: "\\"):
                advance()
                scanEscape()
            case delimiter:
                advance()
                return
            default:
                advance()
            }
        }
    }

    mutating func scanEscape() {
        let byte = current
        if !isAtEnd && Self.simpleEscapes.contains(byte) {
            advance()
        } else if byte.isOctalDigit {
            // Up to two more octal digits are consumed as ordinary characters.
            advance()
        } else if byte == UInt8(ascii: "x") {
            advance()
            if current.isHexDigit {
                advance()
            } else {
                report("Expected hex digits for escape sequence.")
            }
        } else if byte == UInt8(ascii: "u") {
            advance()
            if !consumeHexDigits(4) {
                report("Expected four hex digits for \\u escape sequence.")
            }
        } else if byte == UInt8(ascii: "U") {
            advance()
            if !consumeLongUnicodeEscapeDigits() {
                report("Expected eight hex digits up to 10ffff for \\U escape sequence")
            }
        } else {
            report("Invalid escape sequence in string literal.")
        }
    }

    static let simpleEscapes: Set<UInt8> = Set("abfnrtv\\?'\"".utf8)

    mutating func consumeHexDigits(_ count: Int) -> Bool {
        for _ in 0..<count {
            guard current.isHexDigit else { return false }
            advance()
        }
        return true
    }

    /// `00` then `0` or `1` then five hex digits; stops at the first byte that does not fit.
    mutating func consumeLongUnicodeEscapeDigits() -> Bool {
        guard tryConsume(UInt8(ascii: "0")), tryConsume(UInt8(ascii: "0")) else { return false }
        guard tryConsume(UInt8(ascii: "0")) || tryConsume(UInt8(ascii: "1")) else { return false }
        return consumeHexDigits(5)
    }
}

// MARK: - Comments

extension Lexer {
    mutating func skipLineComment() {
        // A NUL byte ends the comment too, as in protoc.
        while current != 0 && current != UInt8(ascii: "\n") { advance() }
        _ = tryConsume(UInt8(ascii: "\n"))
    }

    /// Skips a block comment from its `/*`, reporting a nested `/*` and a missing `*/`.
    mutating func skipBlockComment() {
        let startLine = line
        let startColumn = column + 1
        advance()
        advance()
        while true {
            while current != 0, current != UInt8(ascii: "*"), current != UInt8(ascii: "/") { advance() }
            if tryConsume(UInt8(ascii: "*")) {
                if tryConsume(UInt8(ascii: "/")) { return }
            } else if tryConsume(UInt8(ascii: "/")) {
                // The `*` stays unread: `/*/` still ends nothing, but `/*` then `/` does.
                if current == UInt8(ascii: "*") {
                    report("\"/*\" inside block comment.  Block comments cannot be nested.")
                }
            } else {
                report("End-of-file inside block comment.")
                report("  Comment started here.", line: startLine, column: startColumn)
                return
            }
        }
    }
}
