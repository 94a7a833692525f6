/// A name (role, schema) spliced into SQL text where PostgreSQL takes no bind
/// parameter (GRANT, ALTER ROLE): always double-quoted, embedded quotes doubled, so
/// any string is one identifier and never SQL.
struct SQLIdentifier: Sendable, Equatable, CustomStringConvertible {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    /// The quoted form, e.g. `"portico_app"`, `"we""ird"`.
    var quoted: String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    var description: String { quoted }
}
