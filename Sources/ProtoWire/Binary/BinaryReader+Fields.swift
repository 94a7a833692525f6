/// Decode helpers: one call per `case` in generated `protoDecodeField`.
extension BinaryReader {
    @inlinable
    func checkWireType<K: ProtoFieldKind>(_ tag: FieldTag, _ kind: K.Type) throws(ProtoDecodingError) {
        guard tag.wireType == K.wireType else {
            throw .wrongWireType(fieldNumber: tag.fieldNumber)
        }
    }

    /// Reads a value: last one wins for scalars, messages merge.
    @inlinable
    public mutating func read<K: ProtoFieldKind>(
        _ tag: FieldTag, into value: inout K.Value, as kind: K.Type
    ) throws(ProtoDecodingError) {
        try checkWireType(tag, kind)
        try K.mergePayload(into: &value, from: &self)
    }

    /// Reads a field with presence; a message seen again merges into the first.
    @inlinable
    public mutating func read<K: ProtoFieldKind>(
        _ tag: FieldTag, into value: inout K.Value?, as kind: K.Type
    ) throws(ProtoDecodingError) {
        try checkWireType(tag, kind)
        if value == nil { value = K.defaultValue }
        try K.mergePayload(into: &value!, from: &self)
    }

    /// Reads a fresh value (oneof scalar members).
    @inlinable
    public mutating func read<K: ProtoFieldKind>(_ tag: FieldTag, as kind: K.Type) throws(ProtoDecodingError) -> K.Value {
        try checkWireType(tag, kind)
        return try K.readPayload(from: &self)
    }

    /// Appends to a repeated numeric or enum field, packed or not.
    @inlinable
    public mutating func readRepeated<K: ProtoPackableKind>(
        _ tag: FieldTag, into values: inout [K.Value], as kind: K.Type
    ) throws(ProtoDecodingError) {
        if tag.wireType == .lengthDelimited && K.wireType != .lengthDelimited {
            try readPacked(into: &values, as: kind)
        } else {
            try checkWireType(tag, kind)
            values.append(try K.readPayload(from: &self))
        }
    }

    /// Appends to a repeated string, bytes or message field.
    @inlinable
    public mutating func readRepeated<K: ProtoFieldKind>(
        _ tag: FieldTag, into values: inout [K.Value], as kind: K.Type
    ) throws(ProtoDecodingError) {
        try checkWireType(tag, kind)
        values.append(try K.readPayload(from: &self))
    }

    @inlinable
    mutating func readPacked<K: ProtoPackableKind>(
        into values: inout [K.Value], as kind: K.Type
    ) throws(ProtoDecodingError) {
        let start = position
        let length = try readLength()
        let outerEnd = end
        end = position &+ length
        values.reserveCapacity(values.count &+ packedCount(length, K.wireType))
        while position < end {
            do {
                values.append(try K.readPayload(from: &self))
            } catch {
                end = outerEnd
                position = start
                throw error
            }
        }
        end = outerEnd
    }

    /// The number of values in a packed run: fixed widths divide, and every varint
    /// ends in exactly one byte below 0x80. Lets the array grow once.
    @inlinable
    func packedCount(_ length: Int, _ wireType: WireType) -> Int {
        switch wireType {
        case .fixed32: return length / 4
        case .fixed64: return length / 8
        default:
            var count = 0
            for index in position..<(position &+ length) where bytes[index] < 0x80 { count &+= 1 }
            return count
        }
    }

    /// Reads one map entry; an entry for an existing key replaces its value.
    @inlinable
    public mutating func readMap<K: ProtoMapKeyKind, V: ProtoFieldKind>(
        _ tag: FieldTag, into map: inout [K.Value: V.Value], key: K.Type, value: V.Type
    ) throws(ProtoDecodingError) {
        guard tag.wireType == .lengthDelimited else {
            throw .wrongWireType(fieldNumber: tag.fieldNumber)
        }
        let length = try readLength()
        guard depth < options.recursionLimit else { throw .recursionLimitExceeded }
        let outerEnd = end
        end = position &+ length
        depth &+= 1
        var entryKey = K.defaultValue
        var entryValue = V.defaultValue
        while let entryTag = try nextTag() {
            switch entryTag.fieldNumber {
            case 1: try read(entryTag, into: &entryKey, as: key)
            case 2: try read(entryTag, into: &entryValue, as: value)
            default: try skipField(entryTag)
            }
        }
        depth &-= 1
        end = outerEnd
        map[entryKey] = entryValue
    }
}
