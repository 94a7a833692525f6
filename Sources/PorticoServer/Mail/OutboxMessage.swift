public import struct Foundation.Date
public import struct Foundation.UUID

/// One outbox row the delivery worker has claimed: what it renders and sends.
public struct OutboxMessage: Sendable, Equatable {
    public var tenantID: UUID
    public var id: UUID
    public var kind: String
    public var recipientEmail: String
    public var recipientName: String
    public var subject: String
    /// With `OutgoingMail.secretPlaceholder` where `secret` goes.
    public var body: String
    public var secret: String?
    /// This attempt's number, counting from 1.
    public var attempt: Int
    /// When the message was queued: its `Date:` header, the same on every attempt.
    public var createdAt: Date

    public init(
        tenantID: UUID, id: UUID, kind: String, recipientEmail: String, recipientName: String,
        subject: String, body: String, secret: String?, attempt: Int, createdAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.kind = kind
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.secret = secret
        self.attempt = attempt
        self.createdAt = createdAt
    }

    /// `<id@portico>`: the same on every attempt, so a receiver can drop a duplicate.
    public var messageID: String { "<\(id.uuidString.lowercased())@portico>" }

    /// The part of the address after "@", the most the logs say about a recipient.
    public var recipientDomain: String {
        recipientEmail.split(separator: "@").last.map(String.init) ?? ""
    }
}
