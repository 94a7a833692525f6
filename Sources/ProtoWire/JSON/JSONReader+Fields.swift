/// Field helpers: one call per `case` in generated `protoDecodeJSON`.
extension JSONReader {
    /// Reads one value, or nil when it is an enum name to ignore (`ignoreUnknownFields`).
    @inlinable
    mutating func readValue<K: ProtoFieldKind>(_ kind: K.Type) throws(ProtoJSONError) -> K.Value? {
        do {
            return try K.readJSON(from: &self)
        } catch {
            if error.code == .unknownEnumValue && options.ignoreUnknownFields { return nil }
            throw error
        }
    }

    /// A field without presence; `null` means the default.
    @inlinable
    public mutating func read<K: ProtoFieldKind>(into value: inout K.Value, as kind: K.Type) throws(ProtoJSONError) {
        if !K.jsonNullIsValue, try consumeNull() {
            value = K.defaultValue
            return
        }
        if let read = try readValue(kind) { value = read }
    }

    /// A field with presence; `null` means unset.
    @inlinable
    public mutating func read<K: ProtoFieldKind>(into value: inout K.Value?, as kind: K.Type) throws(ProtoJSONError) {
        if !K.jsonNullIsValue, try consumeNull() {
            value = nil
            return
        }
        if let read = try readValue(kind) { value = read }
    }

    /// A oneof member (`null` was already skipped by `nextField` unless it is a value of
    /// the member's type).
    @inlinable
    public mutating func readOneof<K: ProtoFieldKind, O>(
        into oneof: inout O?, as kind: K.Type, _ makeCase: (K.Value) -> O
    ) throws(ProtoJSONError) {
        if let read = try readValue(kind) { oneof = makeCase(read) }
    }

    /// A repeated field: a JSON array (or `null` for empty).
    @inlinable
    public mutating func readRepeated<K: ProtoFieldKind>(into values: inout [K.Value], as kind: K.Type) throws(ProtoJSONError) {
        values = []
        if try consumeNull() { return }
        try beginArray()
        var isFirst = true
        while try nextElement(isFirst: &isFirst) {
            if !K.jsonNullIsValue, peek() == UInt8(ascii: "n") {
                throw .invalid("null is not allowed in a repeated field (offset \(position))")
            }
            if let read = try readValue(kind) { values.append(read) }
        }
    }

    /// A map field: a JSON object with stringified keys (or `null` for empty).
    @inlinable
    public mutating func readMap<K: ProtoMapKeyKind, V: ProtoFieldKind>(
        into map: inout [K.Value: V.Value], key: K.Type, value: V.Type
    ) throws(ProtoJSONError) {
        map = [:]
        if try consumeNull() { return }
        try beginObject()
        var isFirst = true
        while let text = try nextKey(isFirst: &isFirst) {
            let entryKey = try K.parseJSONMapKey(text)
            guard map[entryKey] == nil else {
                throw ProtoJSONError(.duplicateField, "map key \"\(text)\" appears twice")
            }
            if !V.jsonNullIsValue, peek() == UInt8(ascii: "n") {
                throw .invalid("null is not allowed as a map value (offset \(position))")
            }
            if let read = try readValue(value) { map[entryKey] = read }
        }
    }
}
