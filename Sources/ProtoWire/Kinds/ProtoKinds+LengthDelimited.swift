/// `string`: length-prefixed UTF-8, validated on decode.
public enum ProtoString: ProtoMapKeyKind {
    public typealias Value = String
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: String { "" }
    @inlinable public static func isDefault(_ value: String) -> Bool { value.isEmpty }
    @inlinable
    public static func payloadSize(of value: String, sizes: inout SizeCache) -> Int {
        let count = value.utf8.count
        return Varint.size(of: UInt64(count)) &+ count
    }
    @inlinable
    public static func writePayload(_ value: String, to writer: inout BinaryWriter) {
        writer.writeString(value)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> String {
        try reader.readString()
    }
    @inlinable
    public static func writeJSON(_ value: String, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeString(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> String {
        try reader.readString()
    }
    /// By UTF-8 bytes, as protobuf sorts string keys. Swift's `<` compares canonically
    /// equivalent forms, so "e\u{301}" would sort like "é" (after "z").
    @inlinable
    public static func sortsBefore(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
    public static func jsonMapKey(_ value: String) -> String { value }
    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> String { key }
}

/// `bytes`: length-prefixed raw bytes; JSON as base64.
public enum ProtoBytes: ProtoFieldKind {
    public typealias Value = [UInt8]
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: [UInt8] { [] }
    @inlinable public static func isDefault(_ value: [UInt8]) -> Bool { value.isEmpty }
    @inlinable
    public static func payloadSize(of value: [UInt8], sizes: inout SizeCache) -> Int {
        Varint.size(of: UInt64(value.count)) &+ value.count
    }
    @inlinable
    public static func writePayload(_ value: [UInt8], to writer: inout BinaryWriter) {
        value.withUnsafeBytes { writer.writeLengthDelimited($0) }
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> [UInt8] {
        try reader.readLengthDelimited { payload throws(ProtoDecodingError) in [UInt8](payload) }
    }
    @inlinable
    public static func writeJSON(_ value: [UInt8], to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeBase64(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> [UInt8] {
        try reader.readBase64()
    }
}

extension BinaryReader {
    /// Reads a length-prefixed string, rejecting invalid UTF-8.
    @inlinable
    public mutating func readString() throws(ProtoDecodingError) -> String {
        try readLengthDelimited { payload throws(ProtoDecodingError) in
            guard UTF8Validation.isValid(payload) else { throw .invalidUTF8 }
            return String(decoding: payload.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
    }
}
