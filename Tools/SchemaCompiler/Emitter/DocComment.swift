/// Turns schema comments into Swift documentation comments.
enum DocComment {
    /// `///` lines for the leading comment followed by the trailing one (protoc keeps
    /// comment markers out and a leading space in each line, so `// Foo` → `/// Foo`);
    /// then `@available(*, deprecated)` for deprecated declarations. Empty when there
    /// is nothing to say.
    static func lines(_ comments: Comments, deprecated: Bool = false) -> [String] {
        var lines: [String] = []
        for text in [comments.leading, comments.trailing].compactMap({ $0 }) {
            lines.append(contentsOf: docLines(text))
        }
        if deprecated {
            lines.append("@available(*, deprecated)")
        }
        return lines
    }

    private static func docLines(_ text: String) -> [String] {
        var body = Substring(text)
        while body.last == "\n" { body = body.dropLast() }
        guard !body.isEmpty else { return [] }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { "///" + $0 }
    }
}
