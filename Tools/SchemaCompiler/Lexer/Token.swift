/// One token of a `.proto` file, pointing into the source bytes instead of copying them.
///
/// Positions follow protoc: lines and columns are 1-based, a column counts bytes, and a
/// tab advances to the next multiple of 8, so `file:line:column` matches protoc's output.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A letter or `_` followed by letters, digits and `_`. Keywords are identifiers too.
        case identifier
        /// Decimal, hex (`0x1F`) or octal (`017`) digits, without a sign.
        case integer
        /// Digits with a `.` or an exponent, or a `.` followed by digits.
        case float
        /// A quoted literal, quotes and escapes included as written.
        case string
        /// Any other single byte: `{`, `;`, `=`, `-`, `$`...
        case symbol
        /// The end of the input; always the last token.
        case end
    }

    public var kind: Kind
    /// The token's bytes in the source.
    public var range: Range<Int>
    public var line: Int
    public var column: Int

    public init(kind: Kind, range: Range<Int>, line: Int, column: Int) {
        self.kind = kind
        self.range = range
        self.line = line
        self.column = column
    }
}

/// The tokens of a file plus what the lexer found wrong, each problem tied to the token
/// that was being read when it was found (protoc reports it when the parser reaches that
/// token, so a parser that stops early does not report problems further on).
public struct TokenizedSource: Sendable {
    public struct Problem: Sendable, Hashable {
        /// The token being read when the problem was found.
        public var tokenIndex: Int
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var source: [UInt8]
    /// Never empty: the last token is `.end`.
    public var tokens: [Token]
    /// Sorted by `tokenIndex`.
    public var problems: [Problem]
    /// Where the first token's leading trivia starts (after a byte-order mark).
    public var contentStart: Int
    /// The file starts with 0xEF but not with a whole UTF-8 byte-order mark.
    public var hasBrokenByteOrderMark = false

    /// The token's text. Only for messages and names; the parser compares bytes.
    public func text(of token: Token) -> String {
        String(decoding: source[token.range], as: UTF8.self)
    }

    /// Whether the token's bytes are exactly `text`.
    public func token(_ token: Token, is text: String) -> Bool {
        var text = text
        return text.withUTF8 { expected in
            guard expected.count == token.range.count else { return false }
            var offset = token.range.lowerBound
            for byte in expected {
                if source[offset] != byte { return false }
                offset += 1
            }
            return true
        }
    }
}
