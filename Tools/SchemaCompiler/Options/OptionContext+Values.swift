// Checking and encoding a plain `option x = value;` value for the field it sets,
// with protoc 3.21's SetOptionValue rules and wording. Aggregate `{ ... }` values
// of message options go through `AggregateEncoder`.

/// An option value in the shape protoc's UninterpretedOption keeps it.
enum PlainOptionValue {
    case positiveInteger(UInt64)
    case negativeInteger(Int64)
    case double(Double)
    case identifier(String)
    case string([UInt8])
    case aggregate([AST.AggregateField])

    init(_ value: AST.OptionValue) {
        switch value {
        case .integer(let literal):
            // A negative magnitude is at most 2^63 (the parser checks), so it fits.
            self = literal.isNegative
                ? .negativeInteger(Int64(bitPattern: 0 &- literal.magnitude))
                : .positiveInteger(literal.magnitude)
        case .float(let number, let isNegative, _):
            // `-0.0` must keep its sign; works whether `number` is the magnitude or
            // already negated.
            self = .double(isNegative ? -Swift.abs(number) : number)
        case .identifier(let name, _): self = .identifier(name)
        case .string(let bytes): self = .string(bytes)
        case .aggregate(let fields): self = .aggregate(fields)
        }
    }
}

extension OptionContext {
    /// The wire value for `declaration`'s value assigned to `field`.
    func optionValue(
        _ declaration: AST.OptionDeclaration, for field: FieldDescriptor,
        in containingType: MessageDescriptor
    ) throws(OptionError) -> WireValue {
        let location = declaration.valueLocation
        let fullName = field.optionFullName(in: containingType)
        if case .identifier(_, isNegative: true) = declaration.value {
            throw OptionError(message: "Invalid '-' symbol before identifier.", at: location)
        }
        let value = PlainOptionValue(declaration.value)
        if field.type.isMessage {
            guard case .aggregate(let fields) = value else {
                throw OptionError(
                    message: "Option \"\(fullName)\" is a message. To set the entire message, use "
                        + "syntax like \"\(field.name) = { <proto text format> }\". To set fields "
                        + "within it, use syntax like \"\(field.name).foo = value\".",
                    at: location)
            }
            return try aggregateValue(fields, for: field, at: location)
        }
        guard let wireValue = scalarValue(value, for: field, fullName: fullName) else {
            throw OptionError(message: Self.mismatch(value, field, fullName), at: location)
        }
        return wireValue
    }

    private func aggregateValue(
        _ fields: [AST.AggregateField], for field: FieldDescriptor, at location: SourceLocation
    ) throws(OptionError) -> WireValue {
        let encoder = AggregateEncoder(lookup: lookup, file: file)
        do throws(AggregateError) {
            guard let typeName = field.typeName, let type = lookup.message(named: typeName) else {
                throw AggregateError("Message type of \"\(field.name)\" is unknown.")
            }
            let encoded = try encoder.encode(fields, as: type)
            return field.type == .group ? .group(encoded) : .lengthDelimited(WireWriter.encode(encoded))
        } catch {
            throw OptionError(
                message: "Error while parsing option value for \"\(field.name)\": \(error.message)",
                at: location)
        }
    }

    /// The value if it fits the field's type; nil when protoc rejects it (the caller
    /// words the error).
    private func scalarValue(
        _ value: PlainOptionValue, for field: FieldDescriptor, fullName: String
    ) -> WireValue? {
        let type = field.type
        switch (type.rangeFamily, value) {
        case (.int32, .positiveInteger(let n)) where n <= UInt64(Int32.max),
            (.int64, .positiveInteger(let n)) where n <= UInt64(Int64.max):
            return type.wireValue(signed: Int64(n))
        case (.int32, .negativeInteger(let n)) where n >= Int64(Int32.min),
            (.int64, .negativeInteger(let n)):
            return type.wireValue(signed: n)
        case (.uint32, .positiveInteger(let n)) where n <= UInt64(UInt32.max),
            (.uint64, .positiveInteger(let n)):
            return type.wireValue(unsigned: n)
        case (.float, _), (.double, _):
            return floatingValue(value).map { type.wireValue(floating: $0) }
        case (.bool, .identifier("true")): return .varint(1)
        case (.bool, .identifier("false")): return .varint(0)
        case (.enum, .identifier(let name)):
            guard let number = enumNumber(named: name, in: field) else { return nil }
            return type.wireValue(signed: Int64(number))
        case (.string, .string(let bytes)): return .lengthDelimited(bytes)
        default: return nil
        }
    }

    /// Integers convert to the nearest double (`-0` is +0.0: protoc keeps it as the
    /// integer 0); `inf` and `nan` are not numbers here.
    private func floatingValue(_ value: PlainOptionValue) -> Double? {
        switch value {
        case .double(let number): number
        case .positiveInteger(let number): Double(number)
        case .negativeInteger(let number): Double(number)
        default: nil
        }
    }

    private func enumNumber(named name: String, in field: FieldDescriptor) -> Int32? {
        guard let typeName = field.typeName, let enumType = lookup.enumType(named: typeName) else {
            return nil
        }
        return enumType.values.first { $0.name == name }?.number
    }

    /// protoc's wording for a value that does not fit the field.
    private static func mismatch(
        _ value: PlainOptionValue, _ field: FieldDescriptor, _ fullName: String
    ) -> String {
        let family = field.type.rangeFamily
        switch (family, value) {
        case (.int32, .positiveInteger), (.int32, .negativeInteger):
            return "Value out of range for int32 option \"\(fullName)\"."
        case (.int64, .positiveInteger):
            return "Value out of range for int64 option \"\(fullName)\"."
        case (.uint32, .positiveInteger):
            // protoc 3.21 names the field without its scope here.
            return "Value out of range for uint32 option \"\(field.name)\"."
        case (.int32, _), (.int64, _):
            return "Value must be integer for \(family) option \"\(fullName)\"."
        case (.uint32, _), (.uint64, _):
            return "Value must be non-negative integer for \(family) option \"\(fullName)\"."
        case (.float, _), (.double, _):
            return "Value must be number for \(family) option \"\(fullName)\"."
        case (.bool, .identifier):
            return "Value must be \"true\" or \"false\" for boolean option \"\(fullName)\"."
        case (.bool, _):
            return "Value must be identifier for boolean option \"\(fullName)\"."
        case (.enum, .identifier(let name)):
            let enumName = field.typeName.map { String($0.drop { $0 == "." }) } ?? ""
            return "Enum type \"\(enumName)\" has no value named \"\(name)\" for option \"\(fullName)\"."
        case (.enum, _):
            return "Value must be identifier for enum-valued option \"\(fullName)\"."
        default:
            return "Value must be quoted string for string option \"\(fullName)\"."
        }
    }
}

extension FieldDescriptor {
    /// How protoc names the field in option errors: an extension by its own full
    /// name, a message field as `Message.field`.
    func optionFullName(in containingType: MessageDescriptor) -> String {
        if extendee != nil || containingType.fullName.isEmpty { return displayFullName }
        return String(containingType.fullName.drop { $0 == "." }) + "." + name
    }
}
