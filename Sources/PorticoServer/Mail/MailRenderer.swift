import Foundation

/// An outbox message as an RFC 5322 message, ready for a transport.
public struct RenderedMail: Sendable, Equatable {
    /// `<id@portico>`, as in the `Message-ID:` header.
    public var messageID: String
    /// The spool's name for it, `<outbox id>.eml`: a redelivery writes the same file.
    public var fileName: String
    /// Headers and body, CRLF line endings. Holds the secret: never log it.
    public var text: String
}

/// Turns an outbox row into the message its recipient gets.
enum MailRenderer {
    /// Fills the secret into the body (only here: the stored body keeps the
    /// placeholder) and writes the headers. Throws when an address cannot be carried.
    static func render(_ message: OutboxMessage, from sender: MailAddress) throws(MailError) -> RenderedMail {
        let recipient = try MailAddress(name: message.mail.recipientName, address: message.mail.recipientEmail)
        var plainText = message.mail.body
        if let secret = message.mail.secret {
            plainText = plainText.replacingOccurrences(of: OutgoingMail.secretPlaceholder, with: secret)
        }
        let body = MailBody(plainText)
        let headers = [
            MailHeaderText.line("Date", [Self.dateHeader(message.createdAt)]),
            MailHeaderText.line("From", sender.headerTokens),
            MailHeaderText.line("To", recipient.headerTokens),
            MailHeaderText.line("Subject", MailHeaderText.unstructuredTokens(message.mail.subject)),
            MailHeaderText.line("Message-ID", [message.messageID]),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(body.transferEncoding)",
        ]
        return RenderedMail(
            messageID: message.messageID,
            fileName: message.id.uuidString.lowercased() + ".eml",
            text: headers.map { $0 + "\r\n" }.joined() + "\r\n" + body.text
        )
    }

    /// RFC 5322 §3.3 in UTC: `Tue, 02 Jan 2024 15:04:05 +0000`.
    static func dateHeader(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(weekdays[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
