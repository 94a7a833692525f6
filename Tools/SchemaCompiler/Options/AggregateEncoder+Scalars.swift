// Scalar values inside aggregates follow protoc's text-format parser, which is more
// lenient than plain option values: `inf`/`nan` for floats, `t`/`True`/`1` for
// bools, enum numbers for open enums.

extension AggregateEncoder {
    func scalar(
        _ value: AST.AggregateValue, for field: FieldDescriptor, in type: MessageDescriptor
    ) throws(AggregateError) -> WireValue {
        guard case .scalar(let scalar, _) = value else {
            throw Self.expected(field.type.rangeFamily, got: value.tokenText)
        }
        switch field.type.rangeFamily {
        case .int32, .int64: return try signedInteger(scalar, for: field.type)
        case .uint32, .uint64: return try unsignedInteger(scalar, for: field.type)
        case .float, .double: return field.type.wireValue(floating: try floating(scalar))
        case .bool: return try bool(scalar, field)
        case .enum: return try enumValue(scalar, field, in: type)
        case .string:
            guard case .string(let bytes) = scalar else {
                throw AggregateError("Expected string, got: \(scalar.tokenText)")
            }
            return .lengthDelimited(bytes)
        case .message:
            throw AggregateError("Expected \"{\", found \"\(scalar.tokenText)\".")
        }
    }

    private func signedInteger(
        _ value: AST.OptionValue, for type: FieldDescriptor.FieldType
    ) throws(AggregateError) -> WireValue {
        guard case .integer(let literal) = value else {
            throw AggregateError("Expected integer, got: \(value.unsignedTokenText)")
        }
        let limit: UInt64 = type.rangeFamily == .int32 ? UInt64(Int32.max) : UInt64(Int64.max)
        guard literal.magnitude <= limit + (literal.isNegative ? 1 : 0) else {
            throw AggregateError("Integer out of range (\(literal.magnitude))")
        }
        let signed = literal.isNegative
            ? Int64(bitPattern: 0 &- literal.magnitude) : Int64(literal.magnitude)
        return type.wireValue(signed: signed)
    }

    private func unsignedInteger(
        _ value: AST.OptionValue, for type: FieldDescriptor.FieldType
    ) throws(AggregateError) -> WireValue {
        guard case .integer(let literal) = value, !literal.isNegative else {
            throw AggregateError("Expected integer, got: \(value.tokenText)")
        }
        if type.rangeFamily == .uint32, literal.magnitude > UInt64(UInt32.max) {
            throw AggregateError("Integer out of range (\(literal.magnitude))")
        }
        return type.wireValue(unsigned: literal.magnitude)
    }

    /// Numbers (a leading `-` negates, so `-0` is -0.0), and `inf`, `infinity`, `nan`
    /// in any case.
    private func floating(_ value: AST.OptionValue) throws(AggregateError) -> Double {
        let magnitude: Double
        let isNegative: Bool
        switch value {
        case .integer(let literal):
            (magnitude, isNegative) = (Double(literal.magnitude), literal.isNegative)
        case .float(let number, let negative, _):
            (magnitude, isNegative) = (Swift.abs(number), negative || number.sign == .minus)
        case .identifier(let name, let negative):
            switch name.lowercased() {
            case "inf", "infinity": magnitude = .infinity
            case "nan": magnitude = .nan
            default: throw AggregateError("Expected double, got: \(name)")
            }
            isNegative = negative
        default:
            throw AggregateError("Expected double, got: \(value.tokenText)")
        }
        return isNegative ? -magnitude : magnitude
    }

    private func bool(_ value: AST.OptionValue, _ field: FieldDescriptor) throws(AggregateError) -> WireValue {
        switch value {
        case .integer(let literal) where !literal.isNegative:
            guard literal.magnitude <= 1 else {
                throw AggregateError("Integer out of range (\(literal.magnitude))")
            }
            return .varint(literal.magnitude)
        case .identifier(let name, false):
            switch name {
            case "true", "True", "t": return .varint(1)
            case "false", "False", "f": return .varint(0)
            default:
                throw AggregateError(
                    "Invalid value for boolean field \"\(field.name)\". Value: \"\(name)\".")
            }
        default:
            throw AggregateError("Expected identifier, got: \(value.tokenText)")
        }
    }

    /// A value name, or a number; unknown numbers are kept only in proto3 messages
    /// (open enums).
    private func enumValue(
        _ value: AST.OptionValue, _ field: FieldDescriptor, in type: MessageDescriptor
    ) throws(AggregateError) -> WireValue {
        let enumType = field.typeName.flatMap { lookup.enumType(named: $0) }
        switch value {
        case .identifier(let name, false):
            guard let number = enumType?.values.first(where: { $0.name == name })?.number else {
                throw Self.unknownEnumValue(name, field)
            }
            return field.type.wireValue(signed: Int64(number))
        case .integer(let literal):
            guard literal.magnitude <= UInt64(Int32.max) + (literal.isNegative ? 1 : 0) else {
                throw AggregateError("Integer out of range (\(literal.magnitude))")
            }
            let number = literal.isNegative
                ? -Int64(literal.magnitude) : Int64(literal.magnitude)
            let isKnown = enumType?.values.contains { Int64($0.number) == number } ?? false
            guard isKnown || type.isProto3 else { throw Self.unknownEnumValue(String(number), field) }
            return field.type.wireValue(signed: number)
        case .identifier(let name, true):
            throw AggregateError("Expected integer, got: \(name)")
        default:
            throw AggregateError("Expected integer or identifier, got: \(value.tokenText)")
        }
    }

    private static func unknownEnumValue(_ value: String, _ field: FieldDescriptor) -> AggregateError {
        AggregateError("Unknown enumeration value of \"\(value)\" for field \"\(field.name)\".")
    }

    /// The error protoc gives when a field of this family meets the wrong token.
    static func expected(_ family: FieldDescriptor.FieldType.RangeFamily, got token: String) -> AggregateError {
        switch family {
        case .int32, .int64, .uint32, .uint64: AggregateError("Expected integer, got: \(token)")
        case .float, .double: AggregateError("Expected double, got: \(token)")
        case .bool: AggregateError("Expected identifier, got: \(token)")
        case .enum: AggregateError("Expected integer or identifier, got: \(token)")
        case .string: AggregateError("Expected string, got: \(token)")
        case .message: AggregateError("Expected \"{\", found \"\(token)\".")
        }
    }
}
