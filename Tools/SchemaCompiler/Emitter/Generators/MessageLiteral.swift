/// Writes an encoded message (a custom option's value) as a readable Swift expression
/// that builds the generated message type: `.with { $0.field = value }` per field set,
/// scalars, enum cases, strings, bytes, lists, maps and nested messages spelled as
/// literals. Nothing is decoded at run time and nothing can fail there.
///
/// The encoding is merged as protobuf parsers merge: the last value of a singular
/// field wins, repeated fields collect every value (packed or not), and the pieces of
/// a nested message are merged (protoc writes `(opt).a = 1; (opt).b = 2;` as two).
struct MessageLiteral {
    let types: SwiftTypeTable

    /// An expression of the message type `typeName` (proto full name, leading dot);
    /// multi-line text indented relative to its first line. Needs the type from
    /// context (`.with`), except for a message with nothing set (`Type()`).
    func expression(message typeName: String, encoded: [UInt8]) throws(SwiftEmitterError) -> String {
        let entry = try types.message(typeName)
        let model = try MessageModel(entry: entry, types: types)
        let wire = try Self.fields(of: encoded, in: typeName)
        let known = Set(model.fields.map(\.number))
        if let unknown = wire.first(where: { !known.contains($0.number) }) {
            throw SwiftEmitterError("cannot write field \(unknown.number) of \(typeName) as Swift: not a field of the message (an extension?)")
        }
        var assignments: [String] = []
        for field in model.fields {
            let occurrences = wire.filter { $0.number == field.number }
            guard !occurrences.isEmpty, isSelected(field, in: model, wire: wire) else { continue }
            let value = try valueExpression(field, occurrences.map(\.value))
            assignments.append("$0.\(field.names.property) = \(value)")
        }
        guard !assignments.isEmpty else { return "\(entry.swiftName)()" }
        return ".with {\n" + assignments.map(Self.indented).joined(separator: "\n") + "\n}"
    }

    /// The value of an extension field (a custom option) from its occurrences.
    func extensionValue(_ field: FieldDescriptor, _ values: [WireValue]) throws(SwiftEmitterError) -> String {
        guard field.label != .repeated else {
            var elements: [String] = []
            for value in values {
                for element in try Self.unpacked(value, type: field.type) {
                    elements.append(try singleValue(field, element))
                }
            }
            return Self.list(elements)
        }
        if field.type == .message {
            return try expression(message: field.typeName ?? "", encoded: try Self.merged(values, field: field))
        }
        return try singleValue(field, values[values.count - 1])
    }

    /// Of a oneof's members only the last one on the wire is set, as a parser sets it.
    private func isSelected(_ field: FieldModel, in model: MessageModel, wire: [WireField]) -> Bool {
        guard case .oneofMember(let index) = field.shape, let oneof = model.oneofs[index] else { return true }
        let members = Set(oneof.members.map(\.number))
        return wire.last(where: { members.contains($0.number) })?.number == field.number
    }

    private func valueExpression(_ field: FieldModel, _ values: [WireValue]) throws(SwiftEmitterError) -> String {
        let descriptor = field.descriptor
        switch field.shape {
        case .map(let entry):
            return try mapExpression(entry, values)
        case .repeated:
            var elements: [String] = []
            for value in values {
                for element in try Self.unpacked(value, type: descriptor.type) {
                    elements.append(try singleValue(descriptor, element))
                }
            }
            return Self.list(elements)
        case .singular, .optional, .oneofMember:
            if descriptor.type == .message {
                return try expression(message: descriptor.typeName ?? "", encoded: try Self.merged(values, field: descriptor))
            }
            return try singleValue(descriptor, values[values.count - 1])
        }
    }

    /// `[key: value, …]`, the last value of a repeated key winning.
    private func mapExpression(_ entry: MessageDescriptor, _ values: [WireValue]) throws(SwiftEmitterError) -> String {
        guard let keyField = entry.fields.first(where: { $0.number == 1 }),
              let valueField = entry.fields.first(where: { $0.number == 2 })
        else { throw SwiftEmitterError("map entry \(entry.fullName) lacks its key or value field") }
        var keys: [String] = []
        var valuesByKey: [String: String] = [:]
        for value in values {
            guard case .lengthDelimited(let bytes) = value else {
                throw SwiftEmitterError("map field of \(entry.fullName) is not length-delimited")
            }
            let fields = try Self.fields(of: bytes, in: entry.fullName)
            let key: String
            if let keyValue = fields.last(where: { $0.number == 1 }) {
                key = try singleValue(keyField, keyValue.value)
            } else {
                key = try defaultValue(keyField)
            }
            let entryValues = fields.filter { $0.number == 2 }.map(\.value)
            let literal: String
            if valueField.type == .message {
                literal = try expression(message: valueField.typeName ?? "", encoded: try Self.merged(entryValues, field: valueField))
            } else if let last = entryValues.last {
                literal = try singleValue(valueField, last)
            } else {
                literal = try defaultValue(valueField)
            }
            if valuesByKey.updateValue(literal, forKey: key) == nil { keys.append(key) }
        }
        guard !keys.isEmpty else { return "[:]" }
        return "[\n" + keys.map { Self.indented("\($0): \(valuesByKey[$0]!),") }.joined(separator: "\n") + "\n]"
    }

    /// One value of a field's type (an element, for repeated fields).
    private func singleValue(_ field: FieldDescriptor, _ value: WireValue) throws(SwiftEmitterError) -> String {
        switch (field.type, value) {
        case (.message, .lengthDelimited(let bytes)):
            return try expression(message: field.typeName ?? "", encoded: bytes)
        case (.enum, .varint(let raw)):
            return try enumCase(field.typeName ?? "", number: Int32(truncatingIfNeeded: raw))
        default:
            guard let literal = ScalarLiteral.spelling(field.type, value) else {
                throw SwiftEmitterError("field \(field.name) (\(field.type)) has a value of the wrong wire type")
            }
            return literal
        }
    }

    /// The value a map entry's missing key or value has.
    private func defaultValue(_ field: FieldDescriptor) throws(SwiftEmitterError) -> String {
        switch field.type {
        case .string: return "\"\""
        case .bytes: return "[]"
        case .bool: return "false"
        case .enum: return try enumCase(field.typeName ?? "", number: 0)
        case .message, .group: return try expression(message: field.typeName ?? "", encoded: [])
        default: return "0"
        }
    }

    private func enumCase(_ typeName: String, number: Int32) throws(SwiftEmitterError) -> String {
        let entry = try types.enumType(typeName)
        guard let index = entry.descriptor.values.firstIndex(where: { $0.number == number }) else {
            return ".unrecognized(\(number))"
        }
        return "." + SwiftNaming.unquoted(entry.caseNames.names[index])
    }
}

extension MessageLiteral {
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    /// Short lists of one-line values on one line, others one element a line.
    static func list(_ elements: [String]) -> String {
        let oneLine = "[" + elements.joined(separator: ", ") + "]"
        if oneLine.count <= 80, !oneLine.contains("\n") { return oneLine }
        return "[\n" + elements.map { indented($0 + ",") }.joined(separator: "\n") + "\n]"
    }

    static func fields(of bytes: [UInt8], in typeName: String) throws(SwiftEmitterError) -> [WireField] {
        do {
            return try WireReader.fields(of: bytes)
        } catch {
            throw SwiftEmitterError("malformed encoded value of \(typeName): \(error)")
        }
    }

    /// A message's encoded pieces, concatenated: parsing that merges them.
    static func merged(_ values: [WireValue], field: FieldDescriptor) throws(SwiftEmitterError) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in values {
            guard case .lengthDelimited(let piece) = value else {
                throw SwiftEmitterError("message field \(field.name) is not length-delimited")
            }
            bytes += piece
        }
        return bytes
    }

    /// The values one occurrence of a repeated field holds: a packed run, or one value.
    static func unpacked(_ value: WireValue, type: FieldDescriptor.FieldType) throws(SwiftEmitterError) -> [WireValue] {
        guard case .lengthDelimited(let bytes) = value, ScalarLiteral.isPackable(type) else { return [value] }
        let width = ScalarLiteral.packedWidth(type)
        guard width == 0 else {
            guard bytes.count % width == 0 else { throw SwiftEmitterError("malformed packed \(type) values") }
            return stride(from: 0, to: bytes.count, by: width).map { start in
                let raw = bytes[start..<start + width].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                return width == 4 ? .fixed32(UInt32(truncatingIfNeeded: raw)) : .fixed64(raw)
            }
        }
        var reader = WireReader(bytes)
        var values: [WireValue] = []
        while !reader.isAtEnd {
            do {
                values.append(.varint(try reader.readVarint()))
            } catch {
                throw SwiftEmitterError("malformed packed \(type) values: \(error)")
            }
        }
        return values
    }
}
