/// Schema/README.md rule 15: at least 12 characters, at most 128, no composition rules.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// Throws `INVALID_ARGUMENT` naming `field` when `password` breaks the rule.
    /// Characters are counted as a person would (grapheme clusters).
    public static func validate(_ password: String, field: String) throws(PorticoError) {
        let length = password.count
        if length < minimumLength {
            throw .invalidField(field, "must be at least \(minimumLength) characters")
        }
        if length > maximumLength {
            throw .invalidField(field, "must be at most \(maximumLength) characters")
        }
    }
}
