/// Scalar values in their proto3 JSON forms.
extension JSONReader {
    /// Reads a number token after checking the RFC 8259 number grammar; returns the
    /// parsed parts and the token's text.
    mutating func readNumberToken() throws(ProtoJSONError) -> (number: JSONNumber, text: String) {
        guard let first = peek(), first == UInt8(ascii: "-") || JSONNumber.isDigit(first) else {
            throw .invalid("expected a number at offset \(position)")
        }
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        let token = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        guard let number = JSONNumber(token) else {
            position = start
            throw .malformed("invalid number", at: start)
        }
        return (number, String(decoding: token, as: UTF8.self))
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// An integer from a JSON number or a string holding one; exponents are fine when
    /// the value is integral (`1e3`, `"1e3"`).
    public mutating func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws(ProtoJSONError) -> T {
        let start = position
        let number: JSONNumber?
        if peek() == UInt8(ascii: "\"") {
            number = JSONNumber(try readStringToken().utf8)
        } else {
            number = try readNumberToken().number
        }
        guard let number, let value = number.integer(T.self) else {
            throw .invalid("value at offset \(start) is not a valid \(T.self)")
        }
        return value
    }

    /// Parses a map key as an integer (keys are always strings in JSON).
    public static func parseIntegerKey<T: FixedWidthInteger>(_ key: String, as type: T.Type) throws(ProtoJSONError) -> T {
        guard let number = JSONNumber(key.utf8), number.exponent == 0, let value = number.integer(T.self) else {
            throw ProtoJSONError(.invalidMapKey, "map key \"\(key)\" is not a valid \(T.self)")
        }
        return value
    }

    public mutating func readDouble() throws(ProtoJSONError) -> Double {
        let start = position
        if peek() == UInt8(ascii: "\"") {
            let text = try readStringToken()
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default:
                guard JSONNumber(text.utf8) != nil, let value = Double(text), value.isFinite else {
                    throw .invalid("value at offset \(start) is not a valid double")
                }
                return value
            }
        }
        guard let value = Double(try readNumberToken().text), value.isFinite else {
            throw .invalid("value at offset \(start) is out of range for double")
        }
        return value
    }

    public mutating func readFloat() throws(ProtoJSONError) -> Float {
        let start = position
        let value = try readDouble()
        guard value.isNaN || value.isInfinite || value.magnitude <= Double(Float.greatestFiniteMagnitude) else {
            throw .invalid("value at offset \(start) is out of range for float")
        }
        return Float(value)
    }

    public mutating func readBool() throws(ProtoJSONError) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try expectLiteral("true"); return true
        case UInt8(ascii: "f"): try expectLiteral("false"); return false
        default: throw .invalid("expected true or false at offset \(position)")
        }
    }

    public mutating func readString() throws(ProtoJSONError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw .invalid("expected a string at offset \(position)") }
        return try readStringToken()
    }

    public mutating func readBase64() throws(ProtoJSONError) -> [UInt8] {
        let start = position
        guard let decoded = Base64.decode(try readString().utf8) else {
            throw .invalid("value at offset \(start) is not base64")
        }
        return decoded
    }

    /// An enum by name or number; `null` is `NullValue.nullValue` for `NullValue`.
    public mutating func readEnum<E: ProtoEnum>(_ type: E.Type) throws(ProtoJSONError) -> E {
        if E.self == Google_Protobuf_NullValue.self, try consumeNull() { return E() }
        if peek() == UInt8(ascii: "\"") {
            let name = try readStringToken()
            guard let value = E(protoName: name) else {
                throw ProtoJSONError(.unknownEnumValue, "unknown enum value \"\(name)\" for \(E.self)")
            }
            return value
        }
        return E(rawValue: try readInteger(Int32.self))
    }

    /// Reads a message through its own `protoDecodeJSON`, counting nesting.
    @inlinable
    public mutating func readMessage<M: ProtoMessage>(_ type: M.Type) throws(ProtoJSONError) -> M {
        try enterNesting()
        var message = M()
        try message.protoDecodeJSON(from: &self)
        leaveNesting()
        return message
    }
}
