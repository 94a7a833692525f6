/// An enum field: the number as an `int32` varint; JSON by name.
public enum ProtoEnumKind<E: ProtoEnum>: ProtoPackableKind {
    public typealias Value = E
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: E { E() }
    @inlinable public static func isDefault(_ value: E) -> Bool { value.rawValue == 0 }
    @inlinable public static var jsonNullIsValue: Bool { E.self == Google_Protobuf_NullValue.self }
    @inlinable
    public static func payloadSize(of value: E, sizes: inout SizeCache) -> Int {
        Varint.size(of: value.rawValue)
    }
    @inlinable
    public static func writePayload(_ value: E, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(bitPattern: Int64(value.rawValue)))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> E {
        E(rawValue: Int32(truncatingIfNeeded: try reader.readVarint()))
    }
    @inlinable
    public static func writeJSON(_ value: E, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeEnum(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> E {
        try reader.readEnum(E.self)
    }
}
