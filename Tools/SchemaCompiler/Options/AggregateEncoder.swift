/// A text-format error inside an aggregate value, worded like protoc's text parser.
struct AggregateError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// Encodes a text-format aggregate value `{ a: 1 b { c: 2 } }` as the message
/// protoc builds from it: protoc parses the text into a dynamic message and
/// serializes that, so fields come out in field-number order, proto3 zero values
/// disappear, and repeated scalars are packed where the field is packed.
struct AggregateEncoder {
    let lookup: any OptionSymbolLookup
    let file: String
    /// protoc's text parser refuses deeper nesting.
    static let maximumDepth = 100

    /// The message's fields, ready to serialize.
    func encode(
        _ entries: [AST.AggregateField], as type: MessageDescriptor, depth: Int = 0
    ) throws(AggregateError) -> [WireField] {
        guard depth < Self.maximumDepth else {
            throw AggregateError("Message is too deep, the parser exceeded the configured recursion limit of \(Self.maximumDepth).")
        }
        var message = MessageValue(type: type)
        for entry in entries {
            if case .anyTypeURL(let url, _) = entry.name {
                try setAny(url, entry.value, on: &message, depth: depth)
                continue
            }
            let (field, writtenName) = try resolveField(entry.name, in: type)
            try message.checkCanSet(field, writtenName: writtenName)
            message.markSet(field)
            if case .list(let elements, _) = entry.value, field.label == .repeated {
                for element in elements {
                    message.append(try value(element, for: field, in: type, depth: depth), to: field)
                }
            } else {
                message.append(try value(entry.value, for: field, in: type, depth: depth), to: field)
            }
        }
        return message.serialized()
    }

    /// One value of `field`: a nested message or a scalar.
    private func value(
        _ value: AST.AggregateValue, for field: FieldDescriptor, in type: MessageDescriptor,
        depth: Int
    ) throws(AggregateError) -> FieldValue {
        guard field.type.isMessage else {
            return .scalar(try scalar(value, for: field, in: type))
        }
        guard case .message(let entries, _) = value else {
            throw AggregateError("Expected \"{\", found \"\(value.tokenText)\".")
        }
        guard let typeName = field.typeName, let fieldType = lookup.message(named: typeName) else {
            throw AggregateError("Message type of field \"\(field.name)\" is unknown.")
        }
        let fields = try encode(entries, as: fieldType, depth: depth + 1)
        return .message(fieldType.isMapEntry ? MessageValue.completeMapEntry(fields, fieldType) : fields)
    }

    /// The field an entry names: a field (groups by their type name, as text format
    /// writes them) or a bracketed extension, resolved from the message's scope.
    private func resolveField(
        _ name: AST.AggregateField.Name, in type: MessageDescriptor
    ) throws(AggregateError) -> (FieldDescriptor, String) {
        switch name {
        case .field(let identifier):
            guard let field = Self.textFormatField(identifier.text, in: type) else {
                throw AggregateError(
                    "Message type \"\(type.displayName)\" has no field named \"\(identifier.text)\".")
            }
            return (field, identifier.text)
        case .extension(let reference):
            guard case .found(let field) = lookup.resolveExtension(reference.text, from: type.fullName, file: file),
                field.extendee == type.fullName
            else {
                throw AggregateError(
                    "Extension \"\(reference.text)\" is not defined or is not an extension of "
                        + "\"\(type.displayName)\".")
            }
            return (field, reference.text)
        case .anyTypeURL(let url, _):
            throw AggregateError("Expected a field name, found \"[\(url)]\".")
        }
    }

    static func textFormatField(_ name: String, in type: MessageDescriptor) -> FieldDescriptor? {
        var field = type.fields.first { $0.name == name }
        if field == nil {
            field = type.fields.first { $0.name == name.lowercased() && $0.type == .group }
        }
        if let group = field, group.type == .group, group.typeName?.split(separator: ".").last.map(String.init) != name {
            return nil
        }
        return field
    }

    /// `[type.googleapis.com/pkg.Msg] { ... }` inside a `google.protobuf.Any`.
    private func setAny(
        _ url: String, _ value: AST.AggregateValue, on message: inout MessageValue, depth: Int
    ) throws(AggregateError) {
        let prefixes = ["type.googleapis.com/", "type.googleprod.com/"]
        guard message.type.fullName == ".google.protobuf.Any",
            let typeURLField = message.type.fields.first(where: { $0.number == 1 }),
            let valueField = message.type.fields.first(where: { $0.number == 2 })
        else {
            throw AggregateError("Expected a field name, found \"[\(url)]\".")
        }
        guard let prefix = prefixes.first(where: { url.hasPrefix($0) }),
            let packedType = lookup.message(named: "." + url.dropFirst(prefix.count))
        else {
            throw AggregateError("Could not find type \"\(url)\" stored in google.protobuf.Any.")
        }
        guard case .message(let entries, _) = value else {
            throw AggregateError("Expected \"{\", found \"\(value.tokenText)\".")
        }
        try message.checkCanSet(typeURLField, writtenName: typeURLField.name)
        let packed = try encode(entries, as: packedType, depth: depth + 1)
        message.markSet(typeURLField)
        message.append(.scalar(.lengthDelimited(Array(url.utf8))), to: typeURLField)
        message.markSet(valueField)
        message.append(.scalar(.lengthDelimited(WireWriter.encode(packed))), to: valueField)
    }
}

extension MessageDescriptor {
    /// The full name without the leading dot, as protoc prints it.
    var displayName: String { String(fullName.drop { $0 == "." }) }
}

extension AST.AggregateValue {
    /// The token protoc's text parser would be looking at, for error messages.
    var tokenText: String {
        switch self {
        case .scalar(let value, _): value.tokenText
        case .message: "{"
        case .list: "["
        }
    }
}

extension AST.OptionValue {
    /// The first token of the value as written (`-` for negative values).
    var tokenText: String {
        switch self {
        case .integer(let literal): literal.isNegative ? "-" : String(literal.magnitude)
        case .float(_, let isNegative, let text): isNegative ? "-" : text
        case .identifier(let name, let isNegative): isNegative ? "-" : name
        case .string(let bytes): "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        case .aggregate: "{"
        }
    }

    /// The token after a leading `-` (what a signed-number parser looks at next).
    var unsignedTokenText: String {
        switch self {
        case .integer(let literal): String(literal.magnitude)
        case .float(_, _, let text): text.hasPrefix("-") ? String(text.dropFirst()) : text
        case .identifier(let name, _): name
        default: tokenText
        }
    }
}
