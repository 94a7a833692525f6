/// UTF-8 validation for `string` fields (RFC 3629: no overlongs, no surrogates, nothing
/// above U+10FFFF).
///
/// The standard library's `String(validating:as:)` is generic and, unspecialized, looks
/// up type metadata on every call; validating here and then building the string with
/// `String(decoding:as:)` (which only repairs what is invalid, and nothing is) is several
/// times faster for the short strings messages carry.
@usableFromInline
enum UTF8Validation {
    @inlinable
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        // ASCII fast path, eight bytes at a time.
        while index &+ 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            index &+= 8
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            let length = sequenceLength(lead, bytes, index, count)
            if length == 0 { return false }
            index &+= length
        }
        return true
    }

    /// The length of the valid multi-byte sequence starting at `index`, or 0.
    @inlinable
    static func sequenceLength(_ lead: UInt8, _ bytes: UnsafeRawBufferPointer, _ index: Int, _ count: Int) -> Int {
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index &+ offset < count && bytes[index &+ offset] >= low && bytes[index &+ offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
