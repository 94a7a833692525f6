/// Swift literals for protobuf scalar values as they appear on the wire.
enum ScalarLiteral {
    /// The literal of a scalar (not enum, not message) field's value; nil when the wire
    /// type does not fit the field type.
    static func spelling(_ type: FieldDescriptor.FieldType, _ value: WireValue) -> String? {
        switch (type, value) {
        case (.bool, .varint(let raw)): return raw != 0 ? "true" : "false"
        case (.int32, .varint(let raw)): return "\(Int32(truncatingIfNeeded: raw))"
        case (.int64, .varint(let raw)): return "\(Int64(bitPattern: raw))"
        case (.uint32, .varint(let raw)): return "\(UInt32(truncatingIfNeeded: raw))"
        case (.uint64, .varint(let raw)): return "\(raw)"
        case (.sint32, .varint(let raw)):
            let bits = UInt32(truncatingIfNeeded: raw)
            return "\(Int32(bitPattern: bits >> 1) ^ -Int32(bitPattern: bits & 1))"
        case (.sint64, .varint(let raw)):
            return "\(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))"
        case (.fixed32, .fixed32(let raw)): return "\(raw)"
        case (.sfixed32, .fixed32(let raw)): return "\(Int32(bitPattern: raw))"
        case (.float, .fixed32(let raw)): return floating(Float(bitPattern: raw), typeName: "Float")
        case (.fixed64, .fixed64(let raw)): return "\(raw)"
        case (.sfixed64, .fixed64(let raw)): return "\(Int64(bitPattern: raw))"
        case (.double, .fixed64(let raw)): return floating(Double(bitPattern: raw), typeName: "Double")
        case (.string, .lengthDelimited(let bytes)): return SwiftLiteral.string(String(decoding: bytes, as: UTF8.self))
        case (.bytes, .lengthDelimited(let bytes)): return bytesLiteral(bytes)
        default: return nil
        }
    }

    /// Whether repeated values of the type may be packed into one length-delimited run.
    static func isPackable(_ type: FieldDescriptor.FieldType) -> Bool {
        switch type {
        case .string, .bytes, .message, .group: false
        default: true
        }
    }

    /// Bytes per packed value: 4 or 8 for fixed-width types, 0 for varints.
    static func packedWidth(_ type: FieldDescriptor.FieldType) -> Int {
        switch type {
        case .fixed32, .sfixed32, .float: 4
        case .fixed64, .sfixed64, .double: 8
        default: 0
        }
    }

    /// Swift prints the shortest digits that read back as the same value, so the
    /// description is an exact literal; infinities and NaN have no literal.
    private static func floating<Value: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Value, typeName: String
    ) -> String {
        if value.isNaN { return "\(typeName).nan" }
        if value.isInfinite { return value < 0 ? "-\(typeName).infinity" : "\(typeName).infinity" }
        return value.description
    }

    private static func bytesLiteral(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return "0x" + (digits.count == 1 ? "0" + digits : digits)
        }
        return "[" + hex.joined(separator: ", ") + "]"
    }
}
