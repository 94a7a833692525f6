/// Turns the text of number and string tokens into values, as protoc's
/// `Tokenizer::ParseInteger`, `ParseFloat` and `ParseStringAppend` do. The lexer already
/// reported malformed literals, so these never report anything themselves.
public enum LiteralValue {
    /// The magnitude of an integer token (`123`, `0x7B`, `0173`), or nil when it does not
    /// fit in 64 bits or has a digit its base does not allow (`09`).
    public static func integer(_ text: some Collection<UInt8>) -> UInt64? {
        var digits = text[...]
        var base: UInt64 = 10
        if digits.first == UInt8(ascii: "0"), digits.count > 1 {
            let second = digits[digits.index(after: digits.startIndex)]
            if second == UInt8(ascii: "x") || second == UInt8(ascii: "X") {
                base = 16
                digits = digits.dropFirst(2)
            } else {
                base = 8
            }
        }
        var result: UInt64 = 0
        for byte in digits {
            guard byte.isHexDigit else { return nil }
            let digit = UInt64(byte.hexValue)
            guard digit < base else { return nil }
            let (product, overflowed) = result.multipliedReportingOverflow(by: base)
            let (sum, carried) = product.addingReportingOverflow(digit)
            if overflowed || carried { return nil }
            result = sum
        }
        return result
    }

    /// The value of a float token. A token cut short by a lexer error (`1e`, `2e+`) still
    /// has the value of its leading part, as with protoc's `strtod`.
    public static func float(_ text: some Collection<UInt8>) -> Double {
        var text = String(decoding: text, as: UTF8.self)
        if let value = Double(text) { return value }
        while let last = text.last, "eE+-".contains(last) {
            text.removeLast()
        }
        return Double(text) ?? 0
    }

    /// Appends the bytes a string token stands for: quotes removed, escapes decoded,
    /// `\u` and `\U` code points encoded as UTF-8.
    public static func appendString(_ token: ArraySlice<UInt8>, to output: inout [UInt8]) {
        guard let quote = token.first else { return }
        var index = token.startIndex + 1
        while index < token.endIndex {
            let byte = token[index]
            if byte == UInt8(ascii: "\\"), index + 1 < token.endIndex {
                index = appendEscape(token, at: index + 1, to: &output)
            } else {
                // The closing quote is dropped; an unterminated string has none.
                if !(byte == quote && index + 1 == token.endIndex) {
                    output.append(byte)
                }
                index += 1
            }
        }
    }

    /// Decodes the escape whose first byte after `\` is at `index`; returns the index after it.
    static func appendEscape(_ token: ArraySlice<UInt8>, at index: Int, to output: inout [UInt8]) -> Int {
        let byte = token[index]
        if byte.isOctalDigit {
            var code = 0
            var end = index
            while end < token.endIndex, end < index + 3, token[end].isOctalDigit {
                code = code * 8 + Int(token[end] - UInt8(ascii: "0"))
                end += 1
            }
            output.append(UInt8(truncatingIfNeeded: code))
            return end
        }
        if byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X") {
            var code: UInt8 = 0
            var end = index + 1
            while end < token.endIndex, end < index + 3, token[end].isHexDigit {
                code = code &* 16 &+ token[end].hexValue
                end += 1
            }
            output.append(code)
            return end
        }
        if byte == UInt8(ascii: "u") || byte == UInt8(ascii: "U") {
            guard let (codePoint, end) = unicodeEscape(token, at: index) else {
                output.append(byte)
                return index + 1
            }
            appendUTF8(codePoint, to: &output)
            return end
        }
        output.append(translatedEscape(byte))
        return index + 1
    }

    static func translatedEscape(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "a"): 0x07
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "v"): 0x0B
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""): byte
        default: UInt8(ascii: "?")
        }
    }
}

// MARK: - Unicode escapes

extension LiteralValue {
    /// Reads `uXXXX` or `UXXXXXXXX` at `index`, joining a UTF-16 surrogate pair written as
    /// two `\u` escapes into one code point.
    static func unicodeEscape(_ token: ArraySlice<UInt8>, at index: Int) -> (UInt32, Int)? {
        let length = token[index] == UInt8(ascii: "u") ? 4 : 8
        guard var codePoint = hexNumber(token, from: index + 1, length: length) else { return nil }
        var end = index + 1 + length
        if (0xD800..<0xDC00).contains(codePoint),
           end + 1 < token.endIndex,
           token[end] == UInt8(ascii: "\\"), token[end + 1] == UInt8(ascii: "u"),
           let trail = hexNumber(token, from: end + 2, length: 4),
           (0xDC00..<0xE000).contains(trail) {
            codePoint = 0x10000 + ((codePoint - 0xD800) << 10 | (trail - 0xDC00))
            end += 6
        }
        return (codePoint, end)
    }

    static func hexNumber(_ token: ArraySlice<UInt8>, from start: Int, length: Int) -> UInt32? {
        guard start + length <= token.endIndex else { return nil }
        var value: UInt32 = 0
        for byte in token[start..<(start + length)] {
            guard byte.isHexDigit else { return nil }
            value = value << 4 | UInt32(byte.hexValue)
        }
        return value
    }

    /// Encodes like protoc's `AppendUTF8`: surrogates are encoded as they are, and a code
    /// point beyond U+10FFFF is written back as the text `\Uxxxxxxxx`.
    static func appendUTF8(_ codePoint: UInt32, to output: inout [UInt8]) {
        switch codePoint {
        case 0..<0x80:
            output.append(UInt8(codePoint))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | codePoint >> 6))
            output.append(UInt8(0x80 | codePoint & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | codePoint >> 12))
            output.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
            output.append(UInt8(0x80 | codePoint & 0x3F))
        case 0x10000...0x10FFFF:
            output.append(UInt8(0xF0 | codePoint >> 18))
            output.append(UInt8(0x80 | codePoint >> 12 & 0x3F))
            output.append(UInt8(0x80 | codePoint >> 6 & 0x3F))
            output.append(UInt8(0x80 | codePoint & 0x3F))
        default:
            let hex = String(codePoint, radix: 16)
            let padded = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
            output.append(contentsOf: Array("\\U\(padded)".utf8))
        }
    }
}
