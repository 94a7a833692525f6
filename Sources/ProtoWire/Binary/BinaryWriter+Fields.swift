/// Pass 2 helpers: one call per field in generated `protoEncode`, mirroring the
/// `SizeCache` helpers call for call.
extension BinaryWriter {
    @inlinable
    public mutating func write<K: ProtoFieldKind>(_ value: K.Value, field: Int, as kind: K.Type) {
        if K.isDefault(value) { return }
        writeTag(fieldNumber: field, wireType: K.wireType)
        K.writePayload(value, to: &self)
    }

    @inlinable
    public mutating func writeOptional<K: ProtoFieldKind>(_ value: K.Value?, field: Int, as kind: K.Type) {
        guard let value else { return }
        writeTag(fieldNumber: field, wireType: K.wireType)
        K.writePayload(value, to: &self)
    }

    @inlinable
    public mutating func writePacked<K: ProtoPackableKind>(_ values: [K.Value], field: Int, as kind: K.Type) {
        if values.isEmpty { return }
        writeTag(fieldNumber: field, wireType: .lengthDelimited)
        writeVarint(UInt64(nextCachedSize()))
        for value in values { K.writePayload(value, to: &self) }
    }

    @inlinable
    public mutating func writeRepeated<K: ProtoFieldKind>(_ values: [K.Value], field: Int, as kind: K.Type) {
        for value in values {
            writeTag(fieldNumber: field, wireType: K.wireType)
            K.writePayload(value, to: &self)
        }
    }

    /// Writes map entries sorted by key, so equal maps give equal bytes.
    @inlinable
    public mutating func writeMap<K: ProtoMapKeyKind, V: ProtoFieldKind>(
        _ map: [K.Value: V.Value], field: Int, key: K.Type, value: V.Type
    ) {
        if map.isEmpty { return }
        for entry in map.sorted(by: { K.sortsBefore($0.key, $1.key) }) {
            writeTag(fieldNumber: field, wireType: .lengthDelimited)
            let body: Int
            if V.usesSizeCache {
                body = nextCachedSize()
            } else {
                var unused = SizeCache()
                body = MapEntry<K, V>.bodySize(entry.key, entry.value, sizes: &unused)
            }
            writeVarint(UInt64(body))
            writeTag(fieldNumber: 1, wireType: K.wireType)
            K.writePayload(entry.key, to: &self)
            writeTag(fieldNumber: 2, wireType: V.wireType)
            V.writePayload(entry.value, to: &self)
        }
    }
}
