import Foundation

/// Which form of an entered line the history may keep: never one that holds a password.
///
/// `login` lines keep only `login EMAIL` and a tenant id after it (anything else there
/// could be a password typed in the wrong place);
/// lines whose JSON has a field named like a password, token or secret
/// (`password`, `newPassword`, `current_password`, …) are not kept at all.
public enum HistoryPolicy {
    /// The entry to store for `line`; nil when nothing of it may be stored.
    public static func entry(for line: String) -> String? {
        let trimmed = line.trimmingSpaces()
        if trimmed.isEmpty { return nil }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words[0].lowercased() == "login" {
            let tenant = words.count > 2 && UUID(uuidString: String(words[2])) != nil ? " \(words[2])" : ""
            return words.count > 1 ? "login \(words[1])\(tenant)" : "login"
        }
        return containsSecretField(trimmed) ? nil : trimmed
    }

    /// Field-name fragments that mark a value as secret.
    static let secretFieldFragments = ["password", "passwd", "token", "secret"]

    /// True when a field named like a secret is given a value: the fragment, the rest
    /// of the name, an optional closing quote, then `:` (JSON) or `=`. Matching names,
    /// not parsing JSON, also catches malformed requests and escaped quotes.
    static func containsSecretField(_ line: String) -> Bool {
        let text = line.lowercased()
        for fragment in secretFieldFragments {
            var searchStart = text.startIndex
            while let found = text[searchStart...].firstRange(of: fragment) {
                var rest = text[found.upperBound...].drop(while: { $0.isLetter || $0.isNumber || $0 == "_" })
                // An escaped quote (`\"password\":` inside a JSON string) counts too.
                if rest.first == "\\" { rest = rest.dropFirst() }
                if rest.first == "\"" { rest = rest.dropFirst() }
                let next = rest.drop(while: { $0 == " " || $0 == "\t" }).first
                if next == ":" || next == "=" { return true }
                searchStart = found.upperBound
            }
        }
        return false
    }
}

