/// The parts of a JSON number (RFC 8259 grammar), used to convert it exactly.
@usableFromInline
struct JSONNumber {
    var isNegative = false
    /// All significant digits, integer part then fraction, as ASCII.
    var digits: [UInt8] = []
    /// Power of ten to apply to `digits`.
    var exponent = 0

    /// Parses `text` strictly: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    init?(_ text: some Collection<UInt8>) {
        var iterator = Array(text)[...]
        if iterator.first == UInt8(ascii: "-") {
            isNegative = true
            iterator = iterator.dropFirst()
        }
        let integer = iterator.prefix(while: Self.isDigit)
        guard !integer.isEmpty, integer.first != UInt8(ascii: "0") || integer.count == 1 else { return nil }
        digits.append(contentsOf: integer)
        iterator = iterator.dropFirst(integer.count)
        if iterator.first == UInt8(ascii: ".") {
            let fraction = iterator.dropFirst().prefix(while: Self.isDigit)
            guard !fraction.isEmpty else { return nil }
            digits.append(contentsOf: fraction)
            exponent = -fraction.count
            iterator = iterator.dropFirst(1 + fraction.count)
        }
        if iterator.first == UInt8(ascii: "e") || iterator.first == UInt8(ascii: "E") {
            iterator = iterator.dropFirst()
            var negativeExponent = false
            if iterator.first == UInt8(ascii: "+") || iterator.first == UInt8(ascii: "-") {
                negativeExponent = iterator.first == UInt8(ascii: "-")
                iterator = iterator.dropFirst()
            }
            let power = iterator.prefix(while: Self.isDigit)
            guard !power.isEmpty else { return nil }
            // Clamp absurd exponents; any value past ±10^400 is out of range anyway.
            var value = 0
            for digit in power { value = min(value * 10 + Int(digit - UInt8(ascii: "0")), 100_000) }
            exponent += negativeExponent ? -value : value
            iterator = iterator.dropFirst(power.count)
        }
        guard iterator.isEmpty else { return nil }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The value as an integer of type `T`, or nil when it has a fractional part or
    /// does not fit (`1e3` → 1000, `1.50e1` → 15, `1.5` → nil).
    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        var digits = self.digits[...]
        var exponent = self.exponent
        while exponent < 0 {
            guard digits.last == UInt8(ascii: "0") else {
                // A non-zero fractional digit: only fine if the whole value is zero.
                return digits.allSatisfy({ $0 == UInt8(ascii: "0") }) ? 0 : nil
            }
            digits = digits.dropLast()
            exponent += 1
        }
        var magnitude: UInt64 = 0
        for digit in digits {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if magnitude != 0 {
            for _ in 0..<exponent {
                let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = times10
            }
        }
        if isNegative {
            guard magnitude <= UInt64(T.min.magnitude) else { return nil }
            return magnitude == 0 ? 0 : T(truncatingIfNeeded: 0 &- magnitude)
        }
        return T(exactly: magnitude)
    }
}
