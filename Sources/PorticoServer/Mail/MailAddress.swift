/// A mailbox: an optional display name and an address, as a header carries them.
public struct MailAddress: Sendable, Equatable {
    public var name: String
    public var address: String

    /// Checks `address`: an address the headers cannot carry is refused, never mended.
    public init(name: String = "", address: String) throws(MailError) {
        self.name = name
        self.address = try Self.validated(address)
    }

    /// Reads `Name <address>`, `"Name, Inc." <address>` or a bare address (`--mail-from`).
    public init(mailbox text: String) throws(MailError) {
        let trimmed = text.trimmingSpaces
        guard let open = trimmed.lastIndex(of: "<") else {
            try self.init(address: trimmed)
            return
        }
        guard trimmed.hasSuffix(">") else {
            throw MailError(.invalidSender, "'\(text)' is not a mailbox: text after '>'")
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let phrase = String(trimmed[..<open]).trimmingSpaces
        let isQuoted = phrase.count >= 2 && phrase.hasPrefix("\"") && phrase.hasSuffix("\"")
        guard isQuoted || !phrase.contains(where: { $0 == "<" || $0 == ">" }) else {
            throw MailError(.invalidSender, "'\(text)' is not a mailbox: '<' or '>' in its name")
        }
        try self.init(name: Self.unquoted(phrase), address: address)
    }

    /// The header value: `phrase <address>`, or the bare address without a name.
    var headerTokens: [String] {
        let name = MailHeaderText.sanitized(name).trimmingSpaces
        guard !name.isEmpty else { return [address] }
        return MailHeaderText.phraseTokens(name) + ["<\(address)>"]
    }

    /// Characters that would let an address end early, start another one or another
    /// header line: refused anywhere in an address.
    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", " "]

    private static func validated(_ address: String) throws(MailError) -> String {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 320 else {
            throw MailError(.invalidMessage, "'\(MailHeaderText.sanitized(address))' is not an email address")
        }
        for scalar in address.unicodeScalars
        where scalar.value < 0x21 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || forbidden.contains(scalar) {
            throw MailError(.invalidMessage, "'\(MailHeaderText.sanitized(address))' is not an email address")
        }
        return address
    }

    private static func unquoted(_ phrase: String) -> String {
        guard phrase.count >= 2, phrase.hasPrefix("\""), phrase.hasSuffix("\"") else { return phrase }
        var result = ""
        var escaped = false
        for character in phrase.dropFirst().dropLast() {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
