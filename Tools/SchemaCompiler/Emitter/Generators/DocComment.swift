/// Turns schema comments into Swift documentation comments.
enum DocComment {
    /// How a declaration marked `deprecated` in the schema says so.
    enum Deprecation {
        case none
        /// `@available(*, deprecated)`: for members generated code itself never touches
        /// (field accessors), so the attribute warns users only.
        case attribute
        /// A doc line naming what was deprecated (`"message"`, `"enum value"`…): for
        /// declarations the generated code must reference, where the attribute would
        /// make the generated code itself warn.
        case note(String)
    }

    /// `///` lines for the leading comment followed by the trailing one (protoc keeps
    /// comment markers out and a leading space in each line, so `// Foo` → `/// Foo`),
    /// then the deprecation marker. Empty when there is nothing to say.
    static func lines(_ comments: Comments, deprecation: Deprecation = .none) -> [String] {
        var lines: [String] = []
        for text in [comments.leading, comments.trailing].compactMap({ $0 }) {
            lines.append(contentsOf: docLines(text))
        }
        switch deprecation {
        case .none:
            break
        case .attribute:
            lines.append("@available(*, deprecated)")
        case .note(let what):
            lines.append("/// NOTE: This \(what) was marked as deprecated in the .proto file.")
        }
        return lines
    }

    /// `.attribute` or `.none`.
    static func attribute(if deprecated: Bool) -> Deprecation {
        deprecated ? .attribute : .none
    }

    /// `.note(what)` or `.none`.
    static func note(_ what: String, if deprecated: Bool) -> Deprecation {
        deprecated ? .note(what) : .none
    }

    private static func docLines(_ text: String) -> [String] {
        var body = Substring(text)
        while body.last == "\n" { body = body.dropLast() }
        guard !body.isEmpty else { return [] }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { "///" + $0 }
    }
}
