import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: no line breaks smuggled in, long
/// values folded, anything but plain ASCII as `=?utf-8?q?…?=` encoded-words.
enum MailHeaderText {
    /// Folded header lines aim for this many characters (RFC 5322 §2.1.1).
    static let preferredLineLength = 78
    /// RFC 2047 allows 75 characters per encoded-word; 66 lets the first one share its
    /// line with any of our header names ("Message-ID: " is the longest) within 78.
    static let maximumEncodedWordLength = 66

    /// Every control character (CR and LF above all) becomes a space, so a value can
    /// never end its header line and begin another.
    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) ? " " : scalar
        }))
    }

    /// `Name: value`, folded before a space where a line would grow past 78 characters.
    static func line(_ name: String, _ tokens: [String]) -> String {
        var lines: [String] = []
        var current = name + ":"
        for token in tokens {
            if current.utf8.count + 1 + token.utf8.count > preferredLineLength, current != name + ":" {
                lines.append(current)
                current = " " + token
            } else {
                current += " " + token
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// An unstructured value (`Subject`): its words, or encoded-words when it is not
    /// plain ASCII (or could be mistaken for encoded-words).
    static func unstructuredTokens(_ text: String) -> [String] {
        let clean = sanitized(text)
        if needsEncoding(clean) { return encodedWords(clean) }
        return clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }

    /// A display name: plain words when they are atoms, one quoted string when they hold
    /// specials (`"Smith, Jo"`), encoded-words when they are not plain ASCII.
    static func phraseTokens(_ text: String) -> [String] {
        let clean = sanitized(text)
        if needsEncoding(clean) { return encodedWords(clean) }
        let words = clean.split(separator: " ").map(String.init)
        if words.allSatisfy({ $0.unicodeScalars.allSatisfy(isAtomText) }) { return words }
        let escaped = words.joined(separator: " ")
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"\(escaped)\""]
    }

    private static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII } || text.contains("=?")
    }

    /// RFC 5322 atext.
    private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
            return true
        }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// Q-encoded words of at most `maximumEncodedWordLength` characters, never splitting a character's bytes
    /// between two words; spaces travel inside them as "_".
    static func encodedWords(_ text: String) -> [String] {
        let prefix = "=?utf-8?q?", suffix = "?="
        let room = maximumEncodedWordLength - prefix.count - suffix.count
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let encoded = qEncoded(scalar)
            if current.count + encoded.count > room {
                words.append(prefix + current + suffix)
                current = ""
            }
            current += encoded
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + suffix) }
        return words
    }

    /// RFC 2047 §5 (3): only letters, digits and `!*+-/` stand for themselves in a phrase.
    private static func qEncoded(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "_" }
        if scalar.isASCII, isAtomText(scalar), !"=?_#$%&'^`{|}~".unicodeScalars.contains(scalar) {
            return String(scalar)
        }
        return String(scalar).utf8.map { hexByte($0) }.joined()
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
