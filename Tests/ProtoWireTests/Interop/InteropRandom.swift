/// SplitMix64: a tiny seeded generator, so a failing Swift-made message can be rebuilt
/// from its seed and index.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random field values leaning towards the edges, in the spirit of
/// `Tests/Interop/interop_random.py`: limits of every integer width, every varint length,
/// NaN, infinities, -0.0, subnormals, astral-plane and combining characters, empty and
/// long repeated fields.
struct InteropRandom {
    var generator: SplitMix64
    /// The chance that a top-level field is set; nested messages get less.
    let density: Double

    init(seed: UInt64, index: Int) {
        generator = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(index))
        // Message 0 stays empty, message 1 has every field; the others vary.
        switch index {
        case 0: density = 0
        case 1: density = 1
        default: density = [0.1, 0.3, 0.6, 0.9][Int(generator.next() % 4)]
        }
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }

    /// Whether to set a field of a message `depth` levels below the top.
    mutating func include(depth: Int) -> Bool {
        chance(density / Double(depth + 1))
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &generator)]
    }

    mutating func count(large: Bool = true) -> Int {
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < 0.15 { return 0 }
        if large, roll < 0.2 { return Int.random(in: 200...1000, using: &generator) }
        return Int.random(in: 1...6, using: &generator)
    }

    mutating func array<T>(large: Bool = true, _ element: (inout InteropRandom) -> T) -> [T] {
        (0..<count(large: large)).map { _ in element(&self) }
    }

    mutating func map<K: Hashable, V>(
        _ key: (inout InteropRandom) -> K, _ value: (inout InteropRandom) -> V
    ) -> [K: V] {
        var entries: [K: V] = [:]
        for _ in 0..<count(large: false) { entries[key(&self)] = value(&self) }
        return entries
    }

    // MARK: Scalars

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T {
        if chance(0.3) {
            let edges: [T] = [0, 1, T.min, T.max, T.min &+ 1, T.max &- 1, 127, 128, 16383, 16384, 0 &- 1]
            return pick(edges)
        }
        // Shifting random bits by a random amount gives every varint length its share
        // (an arithmetic shift keeps negative values negative).
        let bits = T(truncatingIfNeeded: generator.next())
        return bits >> Int.random(in: 0..<T.bitWidth, using: &generator)
    }

    /// Not Float.greatestFiniteMagnitude: its shortest form, 3.4028235e+38, is above it as
    /// a double and Python's JSON parser rejects it.
    static let floatEdges: [Float] = [
        0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e21, 16_777_216, .nan, .infinity, -.infinity,
        Float.greatestFiniteMagnitude.nextDown, -Float.greatestFiniteMagnitude.nextDown,
        .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    ]

    mutating func float() -> Float {
        if chance(0.3) { return pick(Self.floatEdges) }
        if chance(0.5) { return Float(decimal(digits: 6)) }
        let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
        if value.isNaN { return .nan }  // payloads do not survive JSON
        return value.magnitude == .greatestFiniteMagnitude ? pick(Self.floatEdges) : value
    }

    static let doubleEdges: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e21, 1e22, 123_456_789.125, 9_007_199_254_740_994,
        .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    ]

    mutating func double() -> Double {
        if chance(0.3) { return pick(Self.doubleEdges) }
        if chance(0.5) { return decimal(digits: 9) }
        let value = Double(bitPattern: generator.next())
        return value.isNaN ? .nan : value
    }

    /// A short decimal like 123.4567: the common case of a human-made number.
    private mutating func decimal(digits: Int) -> Double {
        let scale = (0...digits).randomElement(using: &generator)!
        var power = 1.0
        for _ in 0..<scale { power *= 10 }
        return Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / power
    }

    mutating func bool() -> Bool { chance(0.5) }

    /// JSON's escapes and controls, Latin-1, combining marks, CJK, the line separators,
    /// a BOM, and astral-plane characters.
    static let stringPieces = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{8}", "\u{c}", "\n", "\r", "\t", "\u{0}",
        "\u{1f}", "\u{7f}", "é", "ÿ", "e\u{301}", "\u{300}", "日本", "\u{2028}", "\u{2029}",
        "\u{feff}", "\u{ffff}", "😀", "𝄞", "\u{10ffff}", "<>&'",
    ]
    static let stringEdges = ["", "a", " ", "\u{0}", "é", "e\u{301}", "😀", "\u{10ffff}"]

    mutating func string() -> String {
        if chance(0.2) { return pick(Self.stringEdges) }
        let length = chance(0.05)
            ? Int.random(in: 200...600, using: &generator) : Int.random(in: 1...12, using: &generator)
        return (0..<length).map { _ in pick(Self.stringPieces) }.joined()
    }

    mutating func bytes() -> [UInt8] {
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < 0.15 { return [] }
        if roll < 0.2 { return Array(0...255) }
        let length = roll < 0.25
            ? Int.random(in: 2000...5000, using: &generator) : Int.random(in: 1...40, using: &generator)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A defined number, or now and then one the open enum does not define.
    mutating func enumNumber(defined: [Int32]) -> Int32 {
        chance(0.1) ? pick([42, -7, 100_000]) : pick(defined)
    }
}
