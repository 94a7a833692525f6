/// Pass 1 helpers: one call per field in generated `protoComputeSize`.
extension SizeCache {
    /// A proto3 field without presence: nothing when it holds the default.
    @inlinable
    public mutating func sizeOf<K: ProtoFieldKind>(_ value: K.Value, field: Int, as kind: K.Type) -> Int {
        if K.isDefault(value) { return 0 }
        return FieldTag.size(fieldNumber: field) &+ K.payloadSize(of: value, sizes: &self)
    }

    /// A field with presence (message, `optional`, oneof member): written when set.
    @inlinable
    public mutating func sizeOfOptional<K: ProtoFieldKind>(_ value: K.Value?, field: Int, as kind: K.Type) -> Int {
        guard let value else { return 0 }
        return FieldTag.size(fieldNumber: field) &+ K.payloadSize(of: value, sizes: &self)
    }

    /// A packed repeated field: one tag, a length (cached), then the values.
    @inlinable
    public mutating func sizeOfPacked<K: ProtoPackableKind>(_ values: [K.Value], field: Int, as kind: K.Type) -> Int {
        if values.isEmpty { return 0 }
        let slot = reserve()
        var payload = 0
        for value in values { payload &+= K.payloadSize(of: value, sizes: &self) }
        fill(slot, with: payload)
        return FieldTag.size(fieldNumber: field) &+ Varint.size(of: UInt64(payload)) &+ payload
    }

    /// An unpacked repeated field: a tag before every value.
    @inlinable
    public mutating func sizeOfRepeated<K: ProtoFieldKind>(_ values: [K.Value], field: Int, as kind: K.Type) -> Int {
        var size = FieldTag.size(fieldNumber: field) &* values.count
        for value in values { size &+= K.payloadSize(of: value, sizes: &self) }
        return size
    }

    /// A map: one length-delimited entry (key = 1, value = 2) per element.
    @inlinable
    public mutating func sizeOfMap<K: ProtoMapKeyKind, V: ProtoFieldKind>(
        _ map: [K.Value: V.Value], field: Int, key: K.Type, value: V.Type
    ) -> Int {
        if map.isEmpty { return 0 }
        var size = FieldTag.size(fieldNumber: field) &* map.count
        if V.usesSizeCache {
            // Message values record sizes, so visit entries in the encode order.
            for entry in map.sorted(by: { K.sortsBefore($0.key, $1.key) }) {
                let slot = reserve()
                let body = MapEntry<K, V>.bodySize(entry.key, entry.value, sizes: &self)
                fill(slot, with: body)
                size &+= Varint.size(of: UInt64(body)) &+ body
            }
        } else {
            for (entryKey, entryValue) in map {
                let body = MapEntry<K, V>.bodySize(entryKey, entryValue, sizes: &self)
                size &+= Varint.size(of: UInt64(body)) &+ body
            }
        }
        return size
    }
}

/// The implicit `message Entry { K key = 1; V value = 2; }` of a map field.
@usableFromInline
enum MapEntry<K: ProtoMapKeyKind, V: ProtoFieldKind> {
    /// Key and value are always written, defaults included, as protoc does.
    @inlinable
    static func bodySize(_ key: K.Value, _ value: V.Value, sizes: inout SizeCache) -> Int {
        2 &+ K.payloadSize(of: key, sizes: &sizes) &+ V.payloadSize(of: value, sizes: &sizes)
    }
}
