public import struct Foundation.Date
public import struct Foundation.UUID

/// One outbox row the delivery worker has claimed: the queued mail, and what the queue
/// adds to it.
public struct OutboxMessage: Sendable, Equatable {
    public var id: UUID
    /// As it was queued; its `body` holds `OutgoingMail.secretPlaceholder` where
    /// `secret` goes.
    public var mail: OutgoingMail
    /// This attempt's number, counting from 1.
    public var attempt: Int
    /// When the message was queued: its `Date:` header, the same on every attempt.
    public var createdAt: Date

    public init(id: UUID, mail: OutgoingMail, attempt: Int, createdAt: Date) {
        self.id = id
        self.mail = mail
        self.attempt = attempt
        self.createdAt = createdAt
    }

    /// `<id@portico>`: the same on every attempt, so a receiver can drop a duplicate.
    public var messageID: String { "<\(id.uuidString.lowercased())@portico>" }

    /// The part of the address after "@", the most the logs say about a recipient.
    public var recipientDomain: String {
        mail.recipientEmail.split(separator: "@").last.map(String.init) ?? ""
    }
}
