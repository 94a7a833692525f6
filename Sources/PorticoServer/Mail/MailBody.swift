import Foundation

/// A plain-text body as it travels: CRLF line endings and a transfer encoding that keeps
/// every line within SMTP's 998 octets.
struct MailBody: Equatable {
    /// `7bit`, `8bit` or `quoted-printable`.
    var transferEncoding: String
    /// The encoded lines, CRLF-terminated.
    var text: String

    /// RFC 5322 §2.1.1: at most 998 octets per line, CRLF excluded.
    static let maximumLineLength = 998
    /// RFC 2045 §6.7: quoted-printable lines are at most 76 characters.
    static let quotedPrintableLineLength = 76

}

extension MailBody {
    init(_ plainText: String) {
        let lines = Self.lines(plainText)
        let bytes = lines.flatMap(\.utf8)
        if lines.allSatisfy({ $0.utf8.count <= Self.maximumLineLength }), !bytes.contains(0) {
            transferEncoding = bytes.allSatisfy { $0 < 0x80 } ? "7bit" : "8bit"
            text = lines.map { $0 + "\r\n" }.joined()
        } else {
            transferEncoding = "quoted-printable"
            text = lines.map { Self.quotedPrintable($0) + "\r\n" }.joined()
        }
    }

    /// The lines of `text` whatever its line endings (LF, CRLF or a lone CR), without
    /// the empty one after a final line break.
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingLineBreaks().split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    /// One line as quoted-printable: soft line breaks ("=" CRLF) keep each encoded line
    /// within 76 characters, never inside an "=XX"; a space or tab at the line's end is
    /// encoded, since transports may strip it.
    static func quotedPrintable(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case 0x20, 0x09:
                token = isLast ? MailHeaderText.hexByte(byte) : String(UnicodeScalar(byte))
            case 0x21...0x3C, 0x3E...0x7E:
                token = String(UnicodeScalar(byte))
            default:
                token = MailHeaderText.hexByte(byte)
            }
            // Leave room for the soft break's "=" unless this is the line's last token.
            let limit = isLast ? quotedPrintableLineLength : quotedPrintableLineLength - 1
            if current.count + token.count > limit {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }
}

extension String {
    /// CRLF and lone CR become LF.
    fileprivate func replacingLineBreaks() -> String {
        var result = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { result.unicodeScalars.append(scalar) }
            previousWasCR = false
        }
        return result
    }
}
