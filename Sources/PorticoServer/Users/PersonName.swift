/// A person's name as an invite gives it: trimmed, required, bounded.
///
/// Names go into email headers (`To: Name <email>`) and the client detail panel, so
/// control characters (a line break could forge a header) are refused outright.
public struct PersonName: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// `memberships.display_name` and `auth_users.display_name` hold at most this many
    /// characters (counted as PostgreSQL counts them: code points).
    public static let maximumLength = 200

    /// Trims and validates `raw`; throws `INVALID_ARGUMENT` naming `field`.
    public init(validating raw: String, field: String) throws(PorticoError) {
        let trimmed = raw.trimmingSpaceAndNewlines()
        if trimmed.isEmpty { throw .invalidField(field, "must not be empty") }
        if trimmed.unicodeScalars.count > Self.maximumLength {
            throw .invalidField(field, "must be at most \(Self.maximumLength) characters")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidField(field, "must not contain control characters or line breaks")
        }
        value = trimmed
    }

    public var description: String { value }
}
