/// One field resolved for code generation: its shape, Swift type, ProtoWire kind and
/// names. Built once per field; every generator pass reads from it.
struct FieldModel: Sendable {
    /// The ProtoWire kind and Swift type of a value (or map key).
    struct ValueType: Sendable, Hashable {
        /// E.g. `ProtoInt32`, `ProtoEnumKind<Foo>`, `ProtoMessageKind<Bar>`.
        var kind: String
        /// E.g. `Int32`, `Foo`, `Bar`.
        var swiftType: String
        /// The proto3 default as a Swift expression: `0`, `""`, `.first`, `Bar()`.
        var defaultValue: String
    }

    let descriptor: FieldDescriptor
    let names: MessageMemberNames.Field
    let shape: FieldShape
    /// The element type (the value type for maps).
    let value: ValueType
    /// The key type, for maps only.
    let mapKey: ValueType?

    var number: Int32 { descriptor.number }
    var isDeprecated: Bool { descriptor.isDeprecated }
    /// Whether the value lives in a private `_name` property behind the public accessor:
    /// presence fields (an optional) and deprecated fields (see `FieldGenerator`).
    var hasPrivateStorage: Bool {
        if case .oneofMember = shape { return false }
        return shape == .optional || isDeprecated
    }
    var protoName: String { descriptor.name }
    var jsonName: String { descriptor.jsonName ?? SwiftNaming.protoJSONName(descriptor.name) }
    /// Repeated fields are packed unless the schema says otherwise (string, bytes and
    /// message fields never are).
    var isPacked: Bool { descriptor.isPacked }
    /// JSON `null` is a value of this field's type (`google.protobuf.Value` and
    /// `NullValue`), not "unset": a oneof member then takes the null as its value.
    var jsonNullIsValue: Bool {
        descriptor.typeName == ".google.protobuf.Value" || descriptor.typeName == ".google.protobuf.NullValue"
    }

    /// The Swift type of the property.
    var propertyType: String {
        switch shape {
        case .singular, .optional, .oneofMember: value.swiftType
        case .repeated: "[\(value.swiftType)]"
        case .map: "[\(mapKey!.swiftType): \(value.swiftType)]"
        }
    }

    /// The value a fresh message holds.
    var initialValue: String {
        switch shape {
        case .singular, .oneofMember: value.defaultValue
        case .optional: "nil"
        case .repeated: "[]"
        case .map: "[:]"
        }
    }

    init(_ descriptor: FieldDescriptor, names: MessageMemberNames.Field, types: SwiftTypeTable) throws(SwiftEmitterError) {
        self.descriptor = descriptor
        self.names = names
        if descriptor.label == .repeated, descriptor.type == .message, let typeName = descriptor.typeName,
           let entry = types.messages[typeName], entry.descriptor.isMapEntry
        {
            let fields = entry.descriptor.fields
            guard let key = fields.first(where: { $0.number == 1 }), let value = fields.first(where: { $0.number == 2 }) else {
                throw SwiftEmitterError("map entry '\(typeName)' lacks its key or value field")
            }
            shape = .map(entry: entry.descriptor)
            mapKey = try Self.valueType(key, types: types)
            self.value = try Self.valueType(value, types: types)
            return
        }
        if descriptor.label == .repeated {
            shape = .repeated
        } else if FieldShape.isRealOneofMember(descriptor) {
            shape = .oneofMember(index: Int(descriptor.oneofIndex!))
        } else if FieldShape.hasExplicitPresence(descriptor) {
            shape = .optional
        } else {
            shape = .singular
        }
        mapKey = nil
        value = try Self.valueType(descriptor, types: types)
    }

    private static func valueType(_ field: FieldDescriptor, types: SwiftTypeTable) throws(SwiftEmitterError) -> ValueType {
        switch field.type {
        case .double: return ValueType(kind: "ProtoDouble", swiftType: "Double", defaultValue: "0")
        case .float: return ValueType(kind: "ProtoFloat", swiftType: "Float", defaultValue: "0")
        case .int64: return ValueType(kind: "ProtoInt64", swiftType: "Int64", defaultValue: "0")
        case .uint64: return ValueType(kind: "ProtoUInt64", swiftType: "UInt64", defaultValue: "0")
        case .int32: return ValueType(kind: "ProtoInt32", swiftType: "Int32", defaultValue: "0")
        case .fixed64: return ValueType(kind: "ProtoFixed64", swiftType: "UInt64", defaultValue: "0")
        case .fixed32: return ValueType(kind: "ProtoFixed32", swiftType: "UInt32", defaultValue: "0")
        case .bool: return ValueType(kind: "ProtoBool", swiftType: "Bool", defaultValue: "false")
        case .string: return ValueType(kind: "ProtoString", swiftType: "String", defaultValue: "\"\"")
        case .bytes: return ValueType(kind: "ProtoBytes", swiftType: "[UInt8]", defaultValue: "[]")
        case .uint32: return ValueType(kind: "ProtoUInt32", swiftType: "UInt32", defaultValue: "0")
        case .sfixed32: return ValueType(kind: "ProtoSFixed32", swiftType: "Int32", defaultValue: "0")
        case .sfixed64: return ValueType(kind: "ProtoSFixed64", swiftType: "Int64", defaultValue: "0")
        case .sint32: return ValueType(kind: "ProtoSInt32", swiftType: "Int32", defaultValue: "0")
        case .sint64: return ValueType(kind: "ProtoSInt64", swiftType: "Int64", defaultValue: "0")
        case .enum:
            let entry = try types.enumType(field.typeName ?? "")
            let first = entry.caseNames.names[entry.caseNames.caseIndices[0]]
            return ValueType(kind: "ProtoEnumKind<\(entry.swiftName)>", swiftType: entry.swiftName,
                             defaultValue: "." + SwiftNaming.unquoted(first))
        case .message, .group:
            let entry = try types.message(field.typeName ?? "")
            return ValueType(kind: "ProtoMessageKind<\(entry.swiftName)>", swiftType: entry.swiftName,
                             defaultValue: "\(entry.swiftName)()")
        }
    }
}
