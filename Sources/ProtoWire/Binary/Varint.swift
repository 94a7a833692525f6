/// Base-128 varint arithmetic shared by the reader, the writer and the size pass.
@usableFromInline
enum Varint {
    /// The number of bytes `value` takes as a varint (1...10), without branches:
    /// every started group of 7 significant bits costs one byte.
    @inlinable
    static func size(of value: UInt64) -> Int {
        let bits = 64 - value.leadingZeroBitCount
        return (bits &* 9 &+ 64) >> 6
    }

    /// Size of a 32-bit value written as a varint; negative `Int32` values are
    /// sign-extended to 64 bits on the wire, so they always take 10 bytes.
    @inlinable
    static func size(of value: Int32) -> Int {
        size(of: UInt64(bitPattern: Int64(value)))
    }

    /// The largest varint is 10 bytes: 9 × 7 bits plus one bit in the tenth byte.
    @usableFromInline
    static let maxSize = 10
}
