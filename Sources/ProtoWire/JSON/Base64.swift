/// Base64 for `bytes` fields: standard alphabet with padding out; standard or URL-safe,
/// padded or not, in.
@usableFromInline
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ input: [UInt8], into output: inout [UInt8]) {
        output.reserveCapacity(output.count + (input.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= input.count {
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            appendSextets(chunk, count: 4, into: &output)
            index += 3
        }
        switch input.count - index {
        case 1:
            appendSextets(UInt32(input[index]) << 16, count: 2, into: &output)
            output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "=")])
        case 2:
            appendSextets(UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8, count: 3, into: &output)
            output.append(UInt8(ascii: "="))
        default:
            break
        }
    }

    private static func appendSextets(_ chunk: UInt32, count: Int, into output: inout [UInt8]) {
        for position in 0..<count {
            output.append(alphabet[Int(chunk >> (18 - 6 * UInt32(position)) & 0x3F)])
        }
    }

    /// The 6-bit value of a base64 character in either alphabet.
    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }

    /// Decodes base64 text; nil when it is not base64 (bad character, bad padding, or a
    /// length that leaves a single dangling character).
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var characters = Array(text)
        if characters.count % 4 == 0, characters.last == UInt8(ascii: "=") {
            characters.removeLast()
            if characters.last == UInt8(ascii: "=") { characters.removeLast() }
        }
        guard characters.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = sextet(character) else { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }
}
