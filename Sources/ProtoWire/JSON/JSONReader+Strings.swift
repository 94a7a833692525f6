extension JSONReader {
    /// Reads a JSON string token, decoding escapes (surrogate pairs included) and
    /// rejecting control characters and invalid UTF-8.
    public mutating func readStringToken() throws(ProtoJSONError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes, the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return try validatedString(raw, at: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw .malformed("control character in string", at: position) }
            position += 1
        }
        var decoded = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        return try readEscapedRemainder(into: &decoded, start: start)
    }

    private mutating func readEscapedRemainder(into decoded: inout [UInt8], start: Int) throws(ProtoJSONError) -> String {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                let string = decoded.withUnsafeBytes { raw in
                    UTF8Validation.isValid(raw) ? String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self) : nil
                }
                guard let string else { throw .malformed("invalid UTF-8 in string", at: start) }
                return string
            case UInt8(ascii: "\\"):
                try readEscape(into: &decoded)
            case 0..<0x20:
                throw .malformed("control character in string", at: position - 1)
            default:
                decoded.append(byte)
            }
        }
        throw .malformed("unterminated string", at: start)
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(ProtoJSONError) {
        guard position < bytes.count else { throw .malformed("unterminated escape", at: position) }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"): try readUnicodeEscape(into: &decoded)
        default: throw .malformed("invalid escape", at: position - 1)
        }
    }

    /// `\uXXXX`, where a high surrogate must be followed by `\uDC00`–`\uDFFF`.
    private mutating func readUnicodeEscape(into decoded: inout [UInt8]) throws(ProtoJSONError) {
        let escapeStart = position - 2
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u") else {
                throw .malformed("unpaired surrogate", at: escapeStart)
            }
            position += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw .malformed("unpaired surrogate", at: escapeStart) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw .malformed("unpaired surrogate", at: escapeStart)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw .malformed("invalid escape", at: escapeStart) }
        decoded.append(contentsOf: UTF8.encode(unicode)!)
    }

    private mutating func readHex4() throws(ProtoJSONError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw .malformed("short \\u escape", at: position) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .malformed("invalid hex digit", at: position)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func validatedString(_ raw: UnsafeRawBufferPointer, at offset: Int) throws(ProtoJSONError) -> String {
        guard UTF8Validation.isValid(raw) else { throw .malformed("invalid UTF-8 in string", at: offset) }
        return String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }
}
