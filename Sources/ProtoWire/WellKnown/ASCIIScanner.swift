/// A cursor over ASCII text for the small fixed grammars of Timestamp and Duration.
struct ASCIIScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { position == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) -> Int64? {
        guard bytes.count - position >= count else { return nil }
        var value: Int64 = 0
        for _ in 0..<count {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }

    /// One or more digits (at most 12, enough for Duration seconds).
    mutating func number() -> Int64? {
        var count = 0
        while position + count < bytes.count, bytes[position + count] >= UInt8(ascii: "0"),
              bytes[position + count] <= UInt8(ascii: "9") { count += 1 }
        guard count > 0, count <= 12 else { return nil }
        return digits(count)
    }

    /// After a `.`: 1 to 9 digits, scaled to nanoseconds.
    mutating func nanos() -> Int32? {
        var count = 0
        var value: Int64 = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            guard count < 9 else { return nil }
            value = value * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { value *= 10 }
        return Int32(value)
    }
}
