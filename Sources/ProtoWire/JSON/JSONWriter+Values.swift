/// Scalar values in their proto3 JSON forms.
extension JSONWriter {
    public mutating func writeNull() {
        beginValue()
        append("null")
        needsComma = true
    }

    public mutating func writeBool(_ value: Bool) {
        beginValue()
        if value { append("true") } else { append("false") }
        needsComma = true
    }

    /// 32-bit integers are JSON numbers.
    public mutating func writeNumber(_ value: Int64) {
        beginValue()
        appendDecimal(value)
        needsComma = true
    }

    public mutating func writeNumber(_ value: UInt64) {
        beginValue()
        appendDecimal(value)
        needsComma = true
    }

    /// 64-bit integers are strings, since JavaScript numbers lose precision past 2^53.
    public mutating func writeQuotedNumber(_ value: Int64) {
        beginValue()
        append(UInt8(ascii: "\""))
        appendDecimal(value)
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    public mutating func writeQuotedNumber(_ value: UInt64) {
        beginValue()
        append(UInt8(ascii: "\""))
        appendDecimal(value)
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    public mutating func writeNumber(_ value: Double) {
        writeFloatingPoint(value.isNaN, value.isInfinite, value < 0, value.description)
    }

    public mutating func writeNumber(_ value: Float) {
        writeFloatingPoint(value.isNaN, value.isInfinite, value < 0, value.description)
    }

    /// Shortest round-trip digits; integral values lose Swift's ".0" (`1`, not `1.0`),
    /// except negative zero: Python's JSON parser reads `-0` as the integer 0 and loses
    /// the sign, `-0.0` survives. NaN/Infinity become the strings proto3 JSON uses.
    mutating func writeFloatingPoint(_ isNaN: Bool, _ isInfinite: Bool, _ isNegative: Bool, _ text: String) {
        if isNaN { return writeString("NaN") }
        if isInfinite { return writeString(isNegative ? "-Infinity" : "Infinity") }
        beginValue()
        var digits = Substring(text)
        if digits.hasSuffix(".0"), digits != "-0.0" { digits = digits.dropLast(2) }
        output.append(contentsOf: digits.utf8)
        needsComma = true
    }

    public mutating func writeString(_ value: String) {
        beginValue()
        appendQuoted(value)
        needsComma = true
    }

    /// Bytes as standard base64 with padding.
    public mutating func writeBase64(_ value: [UInt8]) {
        beginValue()
        append(UInt8(ascii: "\""))
        Base64.encode(value, into: &output)
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Enums by name; numbers without a name as numbers; `NullValue` as `null`.
    public mutating func writeEnum<E: ProtoEnum>(_ value: E) {
        if E.self == Google_Protobuf_NullValue.self { return writeNull() }
        if let name = value.protoName {
            writeString(name)
        } else {
            writeNumber(Int64(value.rawValue))
        }
    }

    /// Writes a message through its own `protoEncodeJSON` (WKTs use special forms there).
    @inlinable
    public mutating func writeMessage<M: ProtoMessage>(_ message: M) throws(ProtoJSONError) {
        try message.protoEncodeJSON(to: &self)
    }

    @usableFromInline
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    @usableFromInline
    mutating func appendDecimal(_ value: UInt64) {
        // 24 bytes of stack hold the 20 digits of UInt64.max; no String allocation.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = value
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value != 0
            output.append(contentsOf: buffer[index...])
        }
    }

    /// Appends `"text"` with the escapes RFC 8259 requires.
    @usableFromInline
    mutating func appendQuoted(_ text: String) {
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                append(JSONWriter.hexDigit(byte >> 4))
                append(JSONWriter.hexDigit(byte & 0xF))
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }
}

extension JSONWriter {
    @usableFromInline
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
