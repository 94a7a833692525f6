/// `int32`: a varint; negative values are sign-extended to 10 bytes.
public enum ProtoInt32: ProtoIntegerKind {
    public typealias Value = Int32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: Int32, sizes: inout SizeCache) -> Int {
        Varint.size(of: value)
    }
    @inlinable
    public static func writePayload(_ value: Int32, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(bitPattern: Int64(value)))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int32 {
        Int32(truncatingIfNeeded: try reader.readVarint())
    }
    @inlinable
    public static func writeJSON(_ value: Int32, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(Int64(value))
    }
}

/// `int64`: a varint; JSON as a decimal string.
public enum ProtoInt64: ProtoIntegerKind {
    public typealias Value = Int64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: Int64, sizes: inout SizeCache) -> Int {
        Varint.size(of: UInt64(bitPattern: value))
    }
    @inlinable
    public static func writePayload(_ value: Int64, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(bitPattern: value))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int64 {
        Int64(bitPattern: try reader.readVarint())
    }
    @inlinable
    public static func writeJSON(_ value: Int64, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeQuotedNumber(value)
    }
}

/// `uint32`: a varint.
public enum ProtoUInt32: ProtoIntegerKind {
    public typealias Value = UInt32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: UInt32, sizes: inout SizeCache) -> Int {
        Varint.size(of: UInt64(value))
    }
    @inlinable
    public static func writePayload(_ value: UInt32, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(value))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> UInt32 {
        UInt32(truncatingIfNeeded: try reader.readVarint())
    }
    @inlinable
    public static func writeJSON(_ value: UInt32, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(UInt64(value))
    }
}

/// `uint64`: a varint; JSON as a decimal string.
public enum ProtoUInt64: ProtoIntegerKind {
    public typealias Value = UInt64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: UInt64, sizes: inout SizeCache) -> Int {
        Varint.size(of: value)
    }
    @inlinable
    public static func writePayload(_ value: UInt64, to writer: inout BinaryWriter) {
        writer.writeVarint(value)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> UInt64 {
        try reader.readVarint()
    }
    @inlinable
    public static func writeJSON(_ value: UInt64, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeQuotedNumber(value)
    }
}

/// `sint32`: a ZigZag varint.
public enum ProtoSInt32: ProtoIntegerKind {
    public typealias Value = Int32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: Int32, sizes: inout SizeCache) -> Int {
        Varint.size(of: UInt64(ZigZag.encoded(value)))
    }
    @inlinable
    public static func writePayload(_ value: Int32, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(ZigZag.encoded(value)))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int32 {
        ZigZag.decoded(UInt32(truncatingIfNeeded: try reader.readVarint()))
    }
    @inlinable
    public static func writeJSON(_ value: Int32, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(Int64(value))
    }
}

/// `sint64`: a ZigZag varint; JSON as a decimal string.
public enum ProtoSInt64: ProtoIntegerKind {
    public typealias Value = Int64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable
    public static func payloadSize(of value: Int64, sizes: inout SizeCache) -> Int {
        Varint.size(of: ZigZag.encoded(value))
    }
    @inlinable
    public static func writePayload(_ value: Int64, to writer: inout BinaryWriter) {
        writer.writeVarint(ZigZag.encoded(value))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int64 {
        ZigZag.decoded(try reader.readVarint())
    }
    @inlinable
    public static func writeJSON(_ value: Int64, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeQuotedNumber(value)
    }
}

/// `bool`: a varint 0 or 1 (any non-zero varint decodes as true).
public enum ProtoBool: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = Bool
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Bool { false }
    @inlinable public static func isDefault(_ value: Bool) -> Bool { !value }
    @inlinable
    public static func payloadSize(of value: Bool, sizes: inout SizeCache) -> Int { 1 }
    @inlinable
    public static func writePayload(_ value: Bool, to writer: inout BinaryWriter) {
        writer.writeVarint(value ? 1 : 0)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Bool {
        try reader.readVarint() != 0
    }
    @inlinable
    public static func writeJSON(_ value: Bool, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeBool(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Bool {
        try reader.readBool()
    }
    public static func sortsBefore(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
    public static func jsonMapKey(_ value: Bool) -> String { value ? "true" : "false" }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Bool {
        switch key {
        case "true": return true
        case "false": return false
        default: throw ProtoJSONError(.invalidMapKey, "map key \"\(key)\" is not a bool")
        }
    }
}
