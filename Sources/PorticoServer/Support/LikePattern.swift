/// Patterns for PostgreSQL's `LIKE`/`ILIKE … ESCAPE '\'` that match a caller's text
/// literally: a name filter must not let `%` or `_` act as wildcards.
enum LikePattern {
    /// Matches any text containing `text`.
    static func containing(_ text: String) -> String {
        "%" + escaped(text) + "%"
    }

    /// `text` with its wildcards `%`, `_` and the escape character itself escaped with a
    /// backslash.
    static func escaped(_ text: String) -> String {
        // By scalar, not Character: "%" followed by a combining mark is one Character
        // that is not "%", yet PostgreSQL still sees the wildcard.
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "%" || scalar == "_" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
