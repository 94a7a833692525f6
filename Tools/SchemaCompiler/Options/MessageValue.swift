/// One value of a field inside an aggregate.
enum FieldValue {
    /// A scalar, already in its wire form.
    case scalar(WireValue)
    /// A nested message (or group), as its fields.
    case message([WireField])
}

/// The fields set on one message while reading an aggregate value, serialized the
/// way protoc's dynamic messages serialize.
struct MessageValue {
    let type: MessageDescriptor
    private var entries: [Int32: Entry] = [:]

    private struct Entry {
        var field: FieldDescriptor
        var values: [FieldValue] = []
    }

    init(type: MessageDescriptor) {
        self.type = type
    }

    /// protoc's text parser rejects setting a singular field that is already set
    /// (for proto3 scalars: already non-zero) and a second member of a oneof.
    func checkCanSet(_ field: FieldDescriptor, writtenName: String) throws(AggregateError) {
        guard field.label != .repeated else { return }
        if let entry = entries[field.number], isPresent(entry) {
            throw AggregateError("Non-repeated field \"\(writtenName)\" is specified multiple times.")
        }
        guard let oneofIndex = field.oneofIndex, field.extendee == nil else { return }
        for entry in entries.values
        where entry.field.oneofIndex == oneofIndex && entry.field.extendee == nil
            && entry.field.number != field.number
        {
            let oneofName = type.oneofDecls.indices.contains(Int(oneofIndex))
                ? type.oneofDecls[Int(oneofIndex)].name : ""
            throw AggregateError(
                "Field \"\(writtenName)\" is specified along with field \"\(entry.field.name)\", "
                    + "another member of oneof \"\(oneofName)\".")
        }
    }

    /// Records that the field was named, even with an empty list.
    mutating func markSet(_ field: FieldDescriptor) {
        if entries[field.number] == nil {
            entries[field.number] = Entry(field: field)
        }
    }

    mutating func append(_ value: FieldValue, to field: FieldDescriptor) {
        if field.label == .repeated {
            entries[field.number, default: Entry(field: field)].values.append(value)
        } else {
            entries[field.number, default: Entry(field: field)].values = [value]
        }
    }

    /// Fields (extensions included) in field-number order.
    func serialized() -> [WireField] {
        var result: [WireField] = []
        for number in entries.keys.sorted() {
            let entry = entries[number]!
            let field = entry.field
            if field.label == .repeated, field.isPacked, field.type.isPackable {
                if !entry.values.isEmpty { result.append(Self.packed(entry)) }
            } else if field.label == .repeated || isPresent(entry) {
                result += entry.values.map { Self.wireField(field, $0) }
            }
        }
        return result
    }

    /// Whether a singular field counts as set: always with explicit presence;
    /// for proto3 implicit-presence scalars only when not zero (bitwise, so -0.0 counts).
    private func isPresent(_ entry: Entry) -> Bool {
        guard let value = entry.values.last else { return false }
        guard case .scalar(let scalar) = value, !hasPresence(entry.field) else { return true }
        switch scalar {
        case .varint(let raw), .fixed64(let raw): return raw != 0
        case .fixed32(let raw): return raw != 0
        case .lengthDelimited(let bytes): return !bytes.isEmpty
        case .group: return true
        }
    }

    private func hasPresence(_ field: FieldDescriptor) -> Bool {
        !type.isProto3 || field.extendee != nil || field.type.isMessage || field.oneofIndex != nil
            || field.proto3Optional == true
    }

    private static func wireField(_ field: FieldDescriptor, _ value: FieldValue) -> WireField {
        switch value {
        case .scalar(let scalar):
            return WireField(number: field.number, value: scalar)
        case .message(let fields) where field.type == .group:
            return WireField(number: field.number, value: .group(fields))
        case .message(let fields):
            return WireField(number: field.number, value: .lengthDelimited(WireWriter.encode(fields)))
        }
    }

    private static func packed(_ entry: Entry) -> WireField {
        var writer = WireWriter()
        for case .scalar(let scalar) in entry.values {
            switch scalar {
            case .varint(let raw): writer.writeVarint(raw)
            case .fixed32(let raw): writer.writeFixed32(raw)
            case .fixed64(let raw): writer.writeFixed64(raw)
            case .lengthDelimited, .group: continue
            }
        }
        return WireField(number: entry.field.number, value: .lengthDelimited(writer.bytes))
    }

    /// protoc writes a map entry's key and value even when unset or zero.
    static func completeMapEntry(_ fields: [WireField], _ entryType: MessageDescriptor) -> [WireField] {
        entryType.fields.sorted { $0.number < $1.number }.map { field in
            fields.last { $0.number == field.number } ?? WireField(number: field.number, value: field.type.zeroValue)
        }
    }
}

extension FieldDescriptor.FieldType {
    /// The wire form of the type's default value.
    var zeroValue: WireValue {
        switch self {
        case .double, .fixed64, .sfixed64: .fixed64(0)
        case .float, .fixed32, .sfixed32: .fixed32(0)
        case .string, .bytes, .message: .lengthDelimited([])
        case .group: .group([])
        default: .varint(0)
        }
    }
}
