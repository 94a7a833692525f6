/// Reads protobuf binary from borrowed memory.
///
/// A reader only exists inside `ProtoMessage.init(serializedBytes:)` and friends, which
/// keep the memory alive. Every read either succeeds and advances, or throws and leaves
/// the position unchanged; no read traps on malformed input.
public struct BinaryReader {
    @usableFromInline
    let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    @usableFromInline
    var position: Int
    /// One past the last byte of the message being decoded (a nested message narrows it).
    @usableFromInline
    var end: Int
    /// Where the current field's tag started, so unknown fields can be copied verbatim.
    @usableFromInline
    var fieldStart = 0
    /// Nesting depth of the message being decoded (0 = the top-level message).
    @usableFromInline
    var depth = 0
    @usableFromInline
    let options: BinaryDecodingOptions

    @inlinable
    public init(bytes: UnsafeRawBufferPointer, options: BinaryDecodingOptions = .init()) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
        self.options = options
    }

    /// Bytes left in the current message.
    @inlinable
    public var remaining: Int { end &- position }

    @inlinable
    public var isAtEnd: Bool { position >= end }

    /// Reads a varint; one-byte values (most tags and lengths) take the inlined path.
    @inlinable @inline(__always)
    public mutating func readVarint() throws(ProtoDecodingError) -> UInt64 {
        if position < end {
            let byte = bytes[position]
            if byte < 0x80 {
                position &+= 1
                return UInt64(byte)
            }
        }
        return try readMultiByteVarint()
    }

    @inlinable
    mutating func readMultiByteVarint() throws(ProtoDecodingError) -> UInt64 {
        var index = position
        guard index < end else { throw .truncated }
        var byte = bytes[index]
        index &+= 1
        var result = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while true {
            guard index < end else { throw .truncated }
            byte = bytes[index]
            index &+= 1
            result |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 {
                position = index
                return result
            }
            shift &+= 7
            // The tenth byte may carry at most the last bit; a continuation there means
            // an eleventh byte, which no 64-bit value needs.
            if shift >= 70 { throw .malformedVarint }
        }
    }

    @inlinable
    public mutating func readFixed32() throws(ProtoDecodingError) -> UInt32 {
        guard end &- position >= 4 else { throw .truncated }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        position &+= 4
        return UInt32(littleEndian: value)
    }

    @inlinable
    public mutating func readFixed64() throws(ProtoDecodingError) -> UInt64 {
        guard end &- position >= 8 else { throw .truncated }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position &+= 8
        return UInt64(littleEndian: value)
    }

    /// Reads a length prefix and checks it against the remaining input before anyone
    /// allocates for it, so a forged 2 GiB prefix costs nothing.
    @inlinable
    public mutating func readLength() throws(ProtoDecodingError) -> Int {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(end &- position) else {
            position = start
            throw .truncated
        }
        return Int(truncatingIfNeeded: length)
    }

    /// Reads a length-delimited payload and hands its bytes to `body` without copying.
    @inlinable
    public mutating func readLengthDelimited<T>(
        _ body: (UnsafeRawBufferPointer) throws(ProtoDecodingError) -> T
    ) throws(ProtoDecodingError) -> T {
        let start = position
        let length = try readLength()
        let payload = UnsafeRawBufferPointer(rebasing: bytes[position..<(position &+ length)])
        do {
            let value = try body(payload)
            position &+= length
            return value
        } catch {
            position = start
            throw error
        }
    }

    /// Reads the next field key, or returns nil at the end of the current message.
    @inlinable
    public mutating func nextTag() throws(ProtoDecodingError) -> FieldTag? {
        guard position < end else { return nil }
        let start = position
        let raw = try readVarint()
        guard raw <= UInt64(UInt32.max), raw >> 3 != 0 else {
            position = start
            throw .invalidFieldNumber
        }
        let wireType = raw & 7
        // 4 (end group) can only appear while skipping an unknown group, which
        // `skipGroup` handles itself; here it has no matching start.
        guard wireType <= 5, wireType != 4 else {
            position = start
            throw .invalidWireType
        }
        fieldStart = start
        return FieldTag(uncheckedRawValue: UInt32(truncatingIfNeeded: raw))
    }
}
