/// Writes protobuf binary into a buffer whose exact size was computed beforehand.
///
/// The writer is created by `ProtoMessage.serializedBytes()` over memory of exactly
/// the size the size pass returned. Every write checks the remaining room, so a size
/// pass that disagrees with the encode pass traps instead of corrupting memory.
public struct BinaryWriter {
    @usableFromInline
    let base: UnsafeMutablePointer<UInt8>
    @usableFromInline
    let capacity: Int
    @usableFromInline
    var position = 0
    /// Sizes recorded by the size pass, replayed in the same order.
    @usableFromInline
    var sizes: SizeCache

    @inlinable
    init(base: UnsafeMutablePointer<UInt8>, capacity: Int, sizes: SizeCache) {
        self.base = base
        self.capacity = capacity
        self.sizes = sizes
    }

    /// Bytes written so far.
    @inlinable
    public var count: Int { position }

    /// Returns a pointer to `count` bytes of room and advances past them.
    @inlinable
    mutating func claim(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(count <= capacity &- position, "size pass and encode pass disagree")
        let start = base + position
        position &+= count
        return start
    }

    /// Writes a varint; one- and two-byte values (tags, most lengths) take the inlined path.
    @inlinable @inline(__always)
    public mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            claim(1).pointee = UInt8(truncatingIfNeeded: value)
        } else if value < 0x4000 {
            let start = claim(2)
            start[0] = UInt8(truncatingIfNeeded: value) | 0x80
            start[1] = UInt8(truncatingIfNeeded: value >> 7)
        } else {
            writeMultiByteVarint(value)
        }
    }

    @inlinable
    mutating func writeMultiByteVarint(_ value: UInt64) {
        let size = Varint.size(of: value)
        let start = claim(size)
        var value = value
        var index = 0
        while index < size &- 1 {
            start[index] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            index &+= 1
        }
        start[index] = UInt8(truncatingIfNeeded: value)
    }

    /// Writes a field key; with a literal field number it folds to a constant.
    @inlinable @inline(__always)
    public mutating func writeTag(fieldNumber: Int, wireType: WireType) {
        writeVarint(UInt64(truncatingIfNeeded: fieldNumber) << 3 | UInt64(wireType.rawValue))
    }

    @inlinable
    public mutating func writeFixed32(_ value: UInt32) {
        let start = claim(4)
        UnsafeMutableRawPointer(start).storeBytes(of: value.littleEndian, as: UInt32.self)
    }

    @inlinable
    public mutating func writeFixed64(_ value: UInt64) {
        let start = claim(8)
        UnsafeMutableRawPointer(start).storeBytes(of: value.littleEndian, as: UInt64.self)
    }

    @inlinable
    public mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        let start = claim(bytes.count)
        UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
    }

    /// Writes a length prefix followed by the bytes.
    @inlinable
    public mutating func writeLengthDelimited(_ bytes: UnsafeRawBufferPointer) {
        writeVarint(UInt64(bytes.count))
        writeBytes(bytes)
    }

    /// Writes the UTF-8 of `string` with its length prefix.
    @inlinable
    public mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in writeLengthDelimited(UnsafeRawBufferPointer(utf8)) }
    }

    /// Takes the next size recorded by the size pass.
    @inlinable
    public mutating func nextCachedSize() -> Int {
        sizes.next()
    }
}
