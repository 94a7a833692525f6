/// `fixed32`: four little-endian bytes.
public enum ProtoFixed32: ProtoIntegerKind {
    public typealias Value = UInt32
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable
    public static func payloadSize(of value: UInt32, sizes: inout SizeCache) -> Int { 4 }
    @inlinable
    public static func writePayload(_ value: UInt32, to writer: inout BinaryWriter) {
        writer.writeFixed32(value)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> UInt32 {
        try reader.readFixed32()
    }
    @inlinable
    public static func writeJSON(_ value: UInt32, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(UInt64(value))
    }
}

/// `fixed64`: eight little-endian bytes; JSON as a decimal string.
public enum ProtoFixed64: ProtoIntegerKind {
    public typealias Value = UInt64
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable
    public static func payloadSize(of value: UInt64, sizes: inout SizeCache) -> Int { 8 }
    @inlinable
    public static func writePayload(_ value: UInt64, to writer: inout BinaryWriter) {
        writer.writeFixed64(value)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> UInt64 {
        try reader.readFixed64()
    }
    @inlinable
    public static func writeJSON(_ value: UInt64, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeQuotedNumber(value)
    }
}

/// `sfixed32`: four little-endian bytes, two's complement.
public enum ProtoSFixed32: ProtoIntegerKind {
    public typealias Value = Int32
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable
    public static func payloadSize(of value: Int32, sizes: inout SizeCache) -> Int { 4 }
    @inlinable
    public static func writePayload(_ value: Int32, to writer: inout BinaryWriter) {
        writer.writeFixed32(UInt32(bitPattern: value))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int32 {
        Int32(bitPattern: try reader.readFixed32())
    }
    @inlinable
    public static func writeJSON(_ value: Int32, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(Int64(value))
    }
}

/// `sfixed64`: eight little-endian bytes, two's complement; JSON as a decimal string.
public enum ProtoSFixed64: ProtoIntegerKind {
    public typealias Value = Int64
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable
    public static func payloadSize(of value: Int64, sizes: inout SizeCache) -> Int { 8 }
    @inlinable
    public static func writePayload(_ value: Int64, to writer: inout BinaryWriter) {
        writer.writeFixed64(UInt64(bitPattern: value))
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Int64 {
        Int64(bitPattern: try reader.readFixed64())
    }
    @inlinable
    public static func writeJSON(_ value: Int64, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeQuotedNumber(value)
    }
}

/// `float`: four little-endian IEEE 754 bytes.
public enum ProtoFloat: ProtoPackableKind {
    public typealias Value = Float
    @inlinable public static var wireType: WireType { .fixed32 }
    @inlinable public static var defaultValue: Float { 0 }
    @inlinable public static func isDefault(_ value: Float) -> Bool { value.bitPattern == 0 }
    @inlinable
    public static func payloadSize(of value: Float, sizes: inout SizeCache) -> Int { 4 }
    @inlinable
    public static func writePayload(_ value: Float, to writer: inout BinaryWriter) {
        writer.writeFixed32(value.bitPattern)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Float {
        Float(bitPattern: try reader.readFixed32())
    }
    @inlinable
    public static func writeJSON(_ value: Float, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Float {
        try reader.readFloat()
    }
}

/// `double`: eight little-endian IEEE 754 bytes.
public enum ProtoDouble: ProtoPackableKind {
    public typealias Value = Double
    @inlinable public static var wireType: WireType { .fixed64 }
    @inlinable public static var defaultValue: Double { 0 }
    @inlinable public static func isDefault(_ value: Double) -> Bool { value.bitPattern == 0 }
    @inlinable
    public static func payloadSize(of value: Double, sizes: inout SizeCache) -> Int { 8 }
    @inlinable
    public static func writePayload(_ value: Double, to writer: inout BinaryWriter) {
        writer.writeFixed64(value.bitPattern)
    }
    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Double {
        Double(bitPattern: try reader.readFixed64())
    }
    @inlinable
    public static func writeJSON(_ value: Double, to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeNumber(value)
    }
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Double {
        try reader.readDouble()
    }
}
