/// Field helpers: one call per field in generated `protoEncodeJSON`.
extension JSONWriter {
    /// The key a field is written under.
    @inlinable
    public mutating func writeFieldKey(json: String, proto: String) {
        writeKey(options.preserveProtoFieldNames ? proto : json)
    }

    /// A field without presence: omitted when default unless `emitDefaultValues`.
    @inlinable
    public mutating func write<K: ProtoFieldKind>(
        _ value: K.Value, json: String, proto: String, as kind: K.Type
    ) throws(ProtoJSONError) {
        if K.isDefault(value) && !options.emitDefaultValues { return }
        writeFieldKey(json: json, proto: proto)
        try K.writeJSON(value, to: &self)
    }

    /// A field with presence: written exactly when set.
    @inlinable
    public mutating func writeOptional<K: ProtoFieldKind>(
        _ value: K.Value?, json: String, proto: String, as kind: K.Type
    ) throws(ProtoJSONError) {
        guard let value else { return }
        writeFieldKey(json: json, proto: proto)
        try K.writeJSON(value, to: &self)
    }

    @inlinable
    public mutating func writeRepeated<K: ProtoFieldKind>(
        _ values: [K.Value], json: String, proto: String, as kind: K.Type
    ) throws(ProtoJSONError) {
        if values.isEmpty && !options.emitDefaultValues { return }
        writeFieldKey(json: json, proto: proto)
        beginArray()
        for value in values { try K.writeJSON(value, to: &self) }
        endArray()
    }

    /// A map as a JSON object with stringified keys, in key order.
    @inlinable
    public mutating func writeMap<K: ProtoMapKeyKind, V: ProtoFieldKind>(
        _ map: [K.Value: V.Value], json: String, proto: String, key: K.Type, value: V.Type
    ) throws(ProtoJSONError) {
        if map.isEmpty && !options.emitDefaultValues { return }
        writeFieldKey(json: json, proto: proto)
        beginObject()
        for entry in map.sorted(by: { K.sortsBefore($0.key, $1.key) }) {
            writeKey(K.jsonMapKey(entry.key))
            try V.writeJSON(entry.value, to: &self)
        }
        endObject()
    }
}
