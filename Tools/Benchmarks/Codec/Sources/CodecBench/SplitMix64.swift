/// A tiny seeded generator (Steele, Lea and Flood's SplitMix64): the same seed gives the
/// same work orders on every machine and every run, so every library sees equal data.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `range`; the tiny modulo bias does not matter for test data.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    mutating func bool() -> Bool {
        next() & 1 == 1
    }

    mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[int(in: 0...(choices.count - 1))]
    }

    /// Lowercase hex digits, as in the ids a database hands out.
    mutating func hex(count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(next() & 15)] })
    }

    /// A version-4-shaped UUID string.
    mutating func uuid() -> String {
        "\(hex(count: 8))-\(hex(count: 4))-4\(hex(count: 3))-a\(hex(count: 3))-\(hex(count: 12))"
    }
}
