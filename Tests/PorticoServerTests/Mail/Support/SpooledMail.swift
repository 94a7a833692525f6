import Foundation

/// One `.eml` file of a spool, parsed: headers unfolded, encoded-words and the body's
/// transfer encoding decoded.
struct SpooledMail: Sendable {
    let fileName: String
    /// The file as written: CRLF line endings, encoded headers and body.
    let raw: String
    /// Header names and their unfolded, still encoded values, in order.
    let headers: [(name: String, value: String)]
    /// The decoded body with "\n" line endings.
    let body: String

    init(fileName: String, raw: String) throws {
        self.fileName = fileName
        self.raw = raw
        guard let split = raw.range(of: "\r\n\r\n") else {
            throw MailSpoolError(description: "\(fileName) has no blank line after its headers")
        }
        let headerText = String(raw[..<split.lowerBound]).replacingOccurrences(of: "\r\n ", with: " ")
        headers = headerText.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let value = line[colon...].dropFirst().drop { $0 == " " }
            return (name: String(line[..<colon]), value: String(value))
        }
        let encoded = String(raw[split.upperBound...])
        let transferEncoding = headers.first { $0.name.lowercased() == "content-transfer-encoding" }?.value
        let decoded = transferEncoding?.lowercased() == "quoted-printable"
            ? Self.decodeQuotedPrintable(encoded) : encoded
        body = decoded.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The first header called `name` (ignoring case), unfolded but still encoded.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The decoded `Subject:`.
    var subject: String { Self.decodeEncodedWords(header("Subject") ?? "") }

    /// The `To:` address (inside the angle brackets).
    var toAddress: String {
        let to = header("To") ?? ""
        guard let open = to.lastIndex(of: "<"), let close = to.lastIndex(of: ">") else { return to }
        return String(to[to.index(after: open)..<close])
    }

    /// The `To:` display name, decoded and unquoted.
    var toName: String {
        let to = header("To") ?? ""
        guard let open = to.lastIndex(of: "<") else { return "" }
        var name = Self.decodeEncodedWords(String(to[..<open]).trimmingCharacters(in: .whitespaces))
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
            name = String(name.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        return name
    }

    var messageID: String? { header("Message-ID") }

    /// RFC 2047: `=?charset?Q?…?=` and `=?charset?B?…?=` words (UTF-8 assumed); the
    /// whitespace between two adjacent encoded-words is dropped.
    static func decodeEncodedWords(_ value: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"=\?[^?]+\?([qQbB])\?([^?]*)\?="#)
        let text = value as NSString
        var result = ""
        var position = 0
        var previousWasEncoded = false
        for match in pattern.matches(in: value, range: NSRange(location: 0, length: text.length)) {
            let between = text.substring(with: NSRange(location: position, length: match.range.location - position))
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) { result += between }
            let encoding = text.substring(with: match.range(at: 1)).lowercased()
            let payload = text.substring(with: match.range(at: 2))
            let bytes = encoding == "b"
                ? [UInt8](Data(base64Encoded: payload) ?? Data())
                : qDecoded(payload)
            result += String(decoding: bytes, as: UTF8.self)
            position = match.range.location + match.range.length
            previousWasEncoded = true
        }
        return result + text.substring(from: position)
    }

    private static func qDecoded(_ payload: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var input = Array(payload.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "_") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "="), input.count >= 2,
                      let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "="), input.count >= 2,
               let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
