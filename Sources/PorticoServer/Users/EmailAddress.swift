/// An email address as Portico stores it: trimmed, lower-cased and checked.
///
/// Logins are unique by email ignoring case, and invites compare emails, so every
/// email from a request goes through here first. The check is deliberately plain
/// (ASCII `local@domain.tld`): it refuses what is certainly not deliverable and
/// anything that could break a mail header (spaces, control characters, a second
/// `@`), not every oddity RFC 5322 permits.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The normalized address: what the database stores and compares.
    public let value: String

    /// RFC 5321's limits: 64 octets before the `@`, 320 in all (as commonly quoted).
    public static let maximumLength = 320
    public static let maximumLocalPartLength = 64
    static let maximumLabelLength = 63

    /// Normalizes and validates `raw`; throws `INVALID_ARGUMENT` naming `field`.
    public init(validating raw: String, field: String) throws(PorticoError) {
        let trimmed = raw.trimmingSpaceAndNewlines().lowercased()
        if trimmed.isEmpty { throw .invalidField(field, "must not be empty") }
        if trimmed.utf8.count > Self.maximumLength {
            throw .invalidField(field, "must be at most \(Self.maximumLength) characters")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidField(field, "must not contain spaces or control characters")
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidField(field, Self.shapeProblem) }
        try Self.checkLocalPart(parts[0], field: field)
        try Self.checkDomain(parts[1], field: field)
        value = trimmed
    }

    public var description: String { value }

    static let shapeProblem = "must be an email address like name@example.com"

    /// Dot-separated runs of RFC 5322's `atext`: no leading, trailing or double dot.
    private static func checkLocalPart(_ local: Substring, field: String) throws(PorticoError) {
        if local.isEmpty { throw .invalidField(field, shapeProblem) }
        if local.utf8.count > maximumLocalPartLength {
            throw .invalidField(field, "the part before @ must be at most \(maximumLocalPartLength) characters")
        }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAtext) }) else {
            throw .invalidField(field, shapeProblem)
        }
    }

    /// Host name labels (letters, digits, inner hyphens), at least two, the last not
    /// all digits: `example.com`, not `localhost` or `10.0.0.1`.
    private static func checkDomain(_ domain: Substring, field: String) throws(PorticoError) {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isHostLabel),
            let last = labels.last, !last.allSatisfy(\.isNumber)
        else { throw .invalidField(field, shapeProblem) }
    }

    private static func isHostLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.utf8.count <= maximumLabelLength,
            label.first != "-", label.last != "-"
        else { return false }
        return label.unicodeScalars.allSatisfy { isLetterOrDigit($0) || $0 == "-" }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static let atextSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || atextSymbols.contains(scalar)
    }
}

extension String {
    /// Without leading and trailing white space and line breaks (Foundation-free, so
    /// it also works on names and emails in any file of the module).
    func trimmingSpaceAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
