import Foundation

/// The password an invite email carries (Schema/README.md rule 3): random, readable, valid
/// under `PasswordPolicy`, and only ever stored hashed.
///
/// Four groups of five characters from a 31-letter alphabet without look-alikes
/// (no i, l, o, 0, 1), joined by hyphens: `k7qmz-3hxtp-wfa9c-ndr2e`, about 99 bits
/// from the system's cryptographic random source, easy to read from an email and
/// type by hand.
struct TemporaryPassword: Sendable {
    let value: String

    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static let groupCount = 4
    static let groupLength = 5

    /// Bits of entropy: groupCount × groupLength × log2(alphabet size).
    static var entropyBits: Double {
        Double(groupCount * groupLength) * log2(Double(alphabet.count))
    }

    static func generate() -> TemporaryPassword {
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<groupCount).map { _ in
            String((0..<groupLength).map { _ in alphabet.randomElement(using: &generator)! })
        }
        return TemporaryPassword(value: groups.joined(separator: "-"))
    }
}
