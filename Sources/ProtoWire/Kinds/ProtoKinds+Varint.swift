/// `int32`: a varint; negative values are sign-extended to 10 bytes.
public enum ProtoInt32: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = Int32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int32 { 0 }
    @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Int32 {
        try reader.readInteger(Int32.self)
    }
    public static func jsonMapKey(_ value: Int32) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Int32 {
        try JSONReader.parseIntegerKey(key, as: Int32.self)
    }
}

/// `int64`: a varint; JSON as a decimal string.
public enum ProtoInt64: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = Int64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int64 { 0 }
    @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Int64 {
        try reader.readInteger(Int64.self)
    }
    public static func jsonMapKey(_ value: Int64) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Int64 {
        try JSONReader.parseIntegerKey(key, as: Int64.self)
    }
}

/// `uint32`: a varint.
public enum ProtoUInt32: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = UInt32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: UInt32 { 0 }
    @inlinable public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> UInt32 {
        try reader.readInteger(UInt32.self)
    }
    public static func jsonMapKey(_ value: UInt32) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> UInt32 {
        try JSONReader.parseIntegerKey(key, as: UInt32.self)
    }
}

/// `uint64`: a varint; JSON as a decimal string.
public enum ProtoUInt64: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = UInt64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: UInt64 { 0 }
    @inlinable public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> UInt64 {
        try reader.readInteger(UInt64.self)
    }
    public static func jsonMapKey(_ value: UInt64) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> UInt64 {
        try JSONReader.parseIntegerKey(key, as: UInt64.self)
    }
}

/// `sint32`: a ZigZag varint.
public enum ProtoSInt32: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = Int32
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int32 { 0 }
    @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Int32 {
        try reader.readInteger(Int32.self)
    }
    public static func jsonMapKey(_ value: Int32) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Int32 {
        try JSONReader.parseIntegerKey(key, as: Int32.self)
    }
}

/// `sint64`: a ZigZag varint; JSON as a decimal string.
public enum ProtoSInt64: ProtoPackableKind, ProtoMapKeyKind {
    public typealias Value = Int64
    @inlinable public static var wireType: WireType { .varint }
    @inlinable public static var defaultValue: Int64 { 0 }
    @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
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
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Int64 {
        try reader.readInteger(Int64.self)
    }
    public static func jsonMapKey(_ value: Int64) -> String { String(value) }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Int64 {
        try JSONReader.parseIntegerKey(key, as: Int64.self)
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
