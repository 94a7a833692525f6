/// Standard base64 (RFC 4648 alphabet, `=` padding) to bytes, for the descriptors in
/// generated registries.
enum Base64Decoding {
    /// nil for anything but whole, correctly padded base64; newlines are not allowed.
    static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count / 4 * 3)
        var index = 0
        while index < characters.count {
            let isLast = index + 4 == characters.count
            guard let quad = decodeQuad(characters[index..<index + 4], allowPadding: isLast) else { return nil }
            output.append(contentsOf: quad)
            index += 4
        }
        return output
    }

    /// Four characters to three bytes (fewer when padded; padding only at the end).
    private static func decodeQuad(_ quad: ArraySlice<UInt8>, allowPadding: Bool) -> [UInt8]? {
        var chunk: UInt32 = 0
        var padding = 0
        for character in quad {
            if character == UInt8(ascii: "=") {
                guard allowPadding else { return nil }
                padding += 1
                chunk <<= 6
                continue
            }
            guard padding == 0, let value = sextet(character) else { return nil }
            chunk = chunk << 6 | value
        }
        guard padding <= 2 else { return nil }
        let bytes = [UInt8(truncatingIfNeeded: chunk >> 16), UInt8(truncatingIfNeeded: chunk >> 8), UInt8(truncatingIfNeeded: chunk)]
        return Array(bytes.prefix(3 - padding))
    }

    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
