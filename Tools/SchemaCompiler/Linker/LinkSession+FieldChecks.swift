/// protoc's `ValidateFieldOptions` (packed, map entries, json_name on extensions)
/// and the proto3 rules of `ValidateProto3Message` / `ValidateProto3Field`.
extension LinkSession {
    func checkFieldOptions(_ field: FieldNode) {
        let typeLocation = field.typeReference.location
        if field.packedOption == true && !(field.label == .repeated && (field.type?.isPackable ?? true)) {
            error("[packed = true] can only be specified for repeated primitive fields.", at: typeLocation)
        }
        if let entry = field.resolvedMessage, entry.isMapEntry, !field.isGroup {
            if !isValidMapField(field, entry: entry) {
                error("map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.", at: typeLocation)
            }
        }
        if field.isExtension, let option = field.jsonNameOption, let jsonName = field.jsonName,
           jsonName != Names.jsonName(field.name.text) {
            // protoc cannot tell a json_name equal to the default from none at all.
            error("option json_name is not allowed on extension fields.", at: option.location)
        }
        if field.file.optimizeForLite, let extendee = field.extendeeMessage, !extendee.file.optimizeForLite {
            error("Extensions to non-lite types can only be declared in non-lite files.  Note that you cannot extend a non-lite type to contain a lite type, but the reverse is allowed.", at: field.extendee?.location ?? typeLocation)
        }
    }

    /// protoc's `ValidateMapEntry`: whether a field typed as a map entry is exactly
    /// what `map<K, V>` generates; also checks the key and value types.
    private func isValidMapField(_ field: FieldNode, entry: MessageNode) -> Bool {
        guard entry.extensions.isEmpty, field.label == .repeated, entry.extensionRanges.isEmpty,
              entry.nested.isEmpty, entry.enums.isEmpty, entry.fields.count == 2,
              entry.name.text == Names.mapEntryName(field.name.text),
              entry.parent === field.parent, !field.isExtension
        else { return false }
        let key = entry.fields[0], value = entry.fields[1]
        guard key.label == .optional, key.number == 1, key.name.text == "key", key.declaredLabel != .repeated,
              value.label == .optional, value.number == 2, value.name.text == "value"
        else { return false }
        let location = field.mapDeclaration?.location ?? field.typeReference.location
        switch key.type {
        case .enum?:
            error("Key in map fields cannot be enum types.", at: location)
        case .float?, .double?, .message?, .group?, .bytes?:
            error("Key in map fields cannot be float/double, bytes or message types.", at: location)
        default:
            break
        }
        if value.type == .enum, let first = value.resolvedEnum?.values.first, first.number != 0 {
            error("Enum value in map must define 0 as the first value.", at: location)
        }
        return true
    }

    func checkProto3(_ message: MessageNode) {
        // The parser reports extension ranges in proto3.
        if message.options.contains(where: { $0.isStandard("message_set_wire_format") && $0.value == .identifier("true", isNegative: false) }) {
            error("MessageSet is not supported in proto3.", at: message.name.location)
        }
        var byLowercaseName: [String: FieldNode] = [:]
        for field in message.fields {
            let key = Names.lowercasedWithoutUnderscores(field.name.text)
            if let previous = byLowercaseName[key] {
                error("The JSON camel-case name of field \"\(field.name.text)\" conflicts with field \"\(previous.name.text)\". This is not allowed in proto3.", at: field.name.location)
            } else {
                byLowercaseName[key] = field
            }
        }
        for field in message.fields + message.extensions { checkProto3(field) }
    }

    func checkProto3(_ field: FieldNode) {
        if field.isExtension, let extendee = field.extendeeMessage, !Self.proto3Extendees.contains(extendee.fullName) {
            error("Extensions in proto3 are only allowed for defining options.", at: field.extendee?.location ?? field.location)
        }
        if let enumNode = field.resolvedEnum, !enumNode.file.isProto3 {
            let user = field.extendeeMessage?.fullName ?? field.parent?.fullName ?? ""
            error("Enum type \"\(enumNode.fullName)\" is not a proto3 enum, but is used in \"\(user)\" which is a proto3 message type.", at: field.typeReference.location)
        }
    }

    /// The messages a proto3 file may extend: descriptor.proto's options messages.
    static let proto3Extendees: Set<String> = Set(
        ["FileOptions", "MessageOptions", "FieldOptions", "EnumOptions", "EnumValueOptions",
         "ServiceOptions", "MethodOptions", "OneofOptions", "ExtensionRangeOptions"]
            .map { "google.protobuf." + $0 })
}
