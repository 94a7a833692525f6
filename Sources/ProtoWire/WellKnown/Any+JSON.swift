/// Any's JSON form: the payload's own JSON object with an `"@type"` member, or
/// `{"@type": …, "value": <special form>}` when the payload is a well-known type with
/// a special JSON form.
/// The payload type must be in the options' `ProtoTypeRegistry`.
extension Google_Protobuf_Any {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        if typeUrl.isEmpty && value.isEmpty {
            writer.beginObject()
            writer.endObject()
            return
        }
        guard let type = writer.options.typeRegistry.messageType(forTypeURL: typeUrl) else {
            throw ProtoJSONError(.unknownTypeURL, "Any type URL \"\(typeUrl)\" is not in the type registry")
        }
        try Self.encodePayload(type, bytes: value, typeUrl: typeUrl, to: &writer)
    }

    private static func encodePayload<M: ProtoMessage>(
        _ type: M.Type, bytes: [UInt8], typeUrl: String, to writer: inout JSONWriter
    ) throws(ProtoJSONError) {
        let payload: M
        do {
            payload = try M(serializedBytes: bytes)
        } catch {
            throw ProtoJSONError(.unencodableValue, "Any payload is not a valid \(M.protoMessageName): \(error)")
        }
        writer.beginObject()
        writer.writeKey("@type")
        writer.writeString(typeUrl)
        if WellKnownTypes.withSpecialJSONForm.contains(M.protoMessageName) {
            writer.writeKey("value")
            try payload.protoEncodeJSON(to: &writer)
        } else {
            writer.inlineNextObject()
            try payload.protoEncodeJSON(to: &writer)
        }
        writer.endObject()
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        let start = reader.position
        guard let url = try reader.findTypeURL() else {
            self = Google_Protobuf_Any()
            return
        }
        guard let type = reader.options.typeRegistry.messageType(forTypeURL: url) else {
            throw ProtoJSONError(.unknownTypeURL, "Any type URL \"\(url)\" is not in the type registry")
        }
        reader.position = start
        typeUrl = url
        value = try Self.decodePayload(type, from: &reader)
    }

    private static func decodePayload<M: ProtoMessage>(
        _ type: M.Type, from reader: inout JSONReader
    ) throws(ProtoJSONError) -> [UInt8] {
        guard WellKnownTypes.withSpecialJSONForm.contains(M.protoMessageName) else {
            reader.skipTypeKeyInNextObject = true
            var payload = M()
            try payload.protoDecodeJSON(from: &reader)
            return payload.serializedBytes()
        }
        try reader.beginObject()
        var payload: M?
        var isFirst = true
        while let key = try reader.nextKey(isFirst: &isFirst) {
            switch key {
            case "@type": try reader.skipValue()
            case "value":
                guard payload == nil else { throw ProtoJSONError(.duplicateField, "\"value\" appears twice") }
                payload = try reader.readMessage(M.self)
            default:
                guard reader.options.ignoreUnknownFields else {
                    throw ProtoJSONError(.unknownField, "unknown field \"\(key)\" in Any")
                }
                try reader.skipValue()
            }
        }
        return (payload ?? M()).serializedBytes()
    }
}

extension JSONReader {
    /// Scans the object at the current position for its `"@type"` string; nil for an
    /// empty object. Leaves the position after the object.
    mutating func findTypeURL() throws(ProtoJSONError) -> String? {
        try beginObject()
        var url: String?
        var sawOtherKey = false
        var isFirst = true
        while let key = try nextKey(isFirst: &isFirst) {
            if key == "@type" {
                guard url == nil else { throw ProtoJSONError(.duplicateField, "\"@type\" appears twice") }
                url = try readString()
            } else {
                sawOtherKey = true
                try skipValue()
            }
        }
        if url == nil && sawOtherKey {
            throw .invalid("Any object without \"@type\"")
        }
        return url
    }
}
