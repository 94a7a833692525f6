// Hand-written in the shape schemac generates for google/protobuf/timestamp.proto;
// to be replaced by the generated file in Sources/ProtoWire/Generated/.

/// A point in time independent of any time zone: seconds and nanoseconds since the
/// Unix epoch (1970-01-01T00:00:00Z), in UTC with leap seconds smeared.
public struct Google_Protobuf_Timestamp: ProtoMessage {
    public static let protoMessageName = "google.protobuf.Timestamp"

    /// Seconds since the epoch; 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    public var seconds: Int64 = 0

    /// Non-negative fractions of a second at nanosecond resolution: 0 to 999,999,999.
    public var nanos: Int32 = 0

    public var unknownFields = UnknownFields()

    public init() {}

    public func protoComputeSize(_ sizes: inout SizeCache) -> Int {
        var size = unknownFields.count
        size += sizes.sizeOf(seconds, field: 1, as: ProtoInt64.self)
        size += sizes.sizeOf(nanos, field: 2, as: ProtoInt32.self)
        return size
    }

    public func protoEncode(to writer: inout BinaryWriter) {
        writer.write(seconds, field: 1, as: ProtoInt64.self)
        writer.write(nanos, field: 2, as: ProtoInt32.self)
        writer.writeUnknown(unknownFields)
    }

    public mutating func protoDecodeField(_ tag: FieldTag, from reader: inout BinaryReader) throws(ProtoDecodingError) {
        switch tag.fieldNumber {
        case 1: try reader.read(tag, into: &seconds, as: ProtoInt64.self)
        case 2: try reader.read(tag, into: &nanos, as: ProtoInt32.self)
        default: try reader.readUnknown(tag, into: &unknownFields)
        }
    }
}
