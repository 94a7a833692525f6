// How each scalar field type puts a number on the wire. Callers have already
// checked the value's range for the type.

extension FieldDescriptor.FieldType {
    /// A signed value of an `int*`, `sint*`, `sfixed*` or `enum` field.
    func wireValue(signed value: Int64) -> WireValue {
        switch self {
        case .sint32:
            let narrow = Int32(truncatingIfNeeded: value)
            return .varint(UInt64(UInt32(bitPattern: (narrow << 1) ^ (narrow >> 31))))
        case .sint64:
            return .varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        case .sfixed32:
            return .fixed32(UInt32(bitPattern: Int32(truncatingIfNeeded: value)))
        case .sfixed64:
            return .fixed64(UInt64(bitPattern: value))
        default:
            // int32 and enum values are sign-extended to 64 bits, as protobuf requires.
            return .varint(UInt64(bitPattern: value))
        }
    }

    /// An unsigned value of a `uint*` or `fixed*` field.
    func wireValue(unsigned value: UInt64) -> WireValue {
        switch self {
        case .fixed32: .fixed32(UInt32(truncatingIfNeeded: value))
        case .fixed64: .fixed64(value)
        default: .varint(value)
        }
    }

    /// A `float` or `double` field's value; floats are narrowed with C's conversion
    /// (round to nearest, overflow to infinity), as protoc does.
    func wireValue(floating value: Double) -> WireValue {
        self == .float ? .fixed32(Float(value).bitPattern) : .fixed64(value.bitPattern)
    }

    /// The C++ type family protoc's range checks and messages are organized by.
    var rangeFamily: RangeFamily {
        switch self {
        case .int32, .sint32, .sfixed32: .int32
        case .int64, .sint64, .sfixed64: .int64
        case .uint32, .fixed32: .uint32
        case .uint64, .fixed64: .uint64
        case .float: .float
        case .double: .double
        case .bool: .bool
        case .enum: .enum
        case .string, .bytes: .string
        case .message, .group: .message
        }
    }

    enum RangeFamily {
        case int32, int64, uint32, uint64, float, double, bool, `enum`, string, message
    }

    /// True for `message` and `group` fields, which hold a nested message.
    var isMessage: Bool { self == .message || self == .group }
}
