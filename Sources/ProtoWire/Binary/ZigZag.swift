/// ZigZag maps signed integers to unsigned ones so that small magnitudes of either sign
/// stay small varints (`sint32`/`sint64`): 0 → 0, -1 → 1, 1 → 2, -2 → 3, …
@usableFromInline
enum ZigZag {
    @inlinable
    static func encoded(_ value: Int32) -> UInt32 {
        UInt32(bitPattern: (value &<< 1) ^ (value >> 31))
    }

    @inlinable
    static func encoded(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value &<< 1) ^ (value >> 63))
    }

    @inlinable
    static func decoded(_ value: UInt32) -> Int32 {
        Int32(bitPattern: value >> 1) ^ (0 &- Int32(bitPattern: value & 1))
    }

    @inlinable
    static func decoded(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ (0 &- Int64(bitPattern: value & 1))
    }
}
