/// Fields a message's schema does not know, kept as their original bytes (tags
/// included) and written back after the known fields.
public struct UnknownFields: Sendable, Hashable {
    /// The raw wire bytes, a concatenation of complete fields.
    public var bytes: [UInt8]

    @inlinable
    public init() { bytes = [] }

    @inlinable
    public init(bytes: [UInt8]) { self.bytes = bytes }

    @inlinable
    public var isEmpty: Bool { bytes.isEmpty }

    /// Encoded size: the bytes are written verbatim.
    @inlinable
    public var count: Int { bytes.count }
}

extension BinaryReader {
    /// Skips a field the schema does not know and keeps its bytes (unless the options
    /// discard unknown fields).
    @inlinable
    public mutating func readUnknown(
        _ tag: FieldTag, into unknownFields: inout UnknownFields
    ) throws(ProtoDecodingError) {
        let start = fieldStart
        try skipField(tag)
        if options.discardUnknownFields { return }
        unknownFields.bytes.append(
            contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
    }
}

extension BinaryWriter {
    @inlinable
    public mutating func writeUnknown(_ unknownFields: UnknownFields) {
        guard !unknownFields.isEmpty else { return }
        unknownFields.bytes.withUnsafeBytes { writeBytes($0) }
    }
}
