/// A message field: length-prefixed, sized once through the `SizeCache`.
public enum ProtoMessageKind<M: ProtoMessage>: ProtoFieldKind {
    public typealias Value = M
    @inlinable public static var wireType: WireType { .lengthDelimited }
    @inlinable public static var defaultValue: M { M() }
    /// Messages have presence; "default" never means "omit" for them.
    @inlinable public static func isDefault(_ value: M) -> Bool { false }
    @inlinable public static var usesSizeCache: Bool { true }
    @inlinable public static var jsonNullIsValue: Bool { M.protoJSONNullIsValue }

    @inlinable
    public static func payloadSize(of value: M, sizes: inout SizeCache) -> Int {
        let slot = sizes.reserve()
        let size = value.protoComputeSize(&sizes)
        sizes.fill(slot, with: size)
        return Varint.size(of: UInt64(size)) &+ size
    }

    @inlinable
    public static func writePayload(_ value: M, to writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(writer.nextCachedSize()))
        value.protoEncode(to: &writer)
    }

    @inlinable
    public static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> M {
        var message = M()
        try reader.mergeMessage(into: &message)
        return message
    }

    @inlinable
    public static func mergePayload(
        into value: inout M, from reader: inout BinaryReader
    ) throws(ProtoDecodingError) {
        try reader.mergeMessage(into: &value)
    }

    @inlinable
    public static func writeJSON(_ value: M, to writer: inout JSONWriter) throws(ProtoJSONError) {
        try writer.writeMessage(value)
    }

    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> M {
        try reader.readMessage(M.self)
    }
}

extension BinaryReader {
    /// Reads a length-delimited nested message into `message`, merging field by field.
    @inlinable
    public mutating func mergeMessage<M: ProtoMessage>(into message: inout M) throws(ProtoDecodingError) {
        let length = try readLength()
        guard depth < options.recursionLimit else { throw .recursionLimitExceeded }
        let outerEnd = end
        end = position &+ length
        depth &+= 1
        try message.protoDecodeFields(from: &self)
        depth &-= 1
        end = outerEnd
    }
}
