public import struct Foundation.UUID

/// An email to queue in the outbox, in the transaction that makes it necessary.
///
/// A temporary password never goes into `body`: the body holds `OutgoingMail.secretPlaceholder`
/// where it belongs and the password travels in `secret`, which the delivery worker
/// fills in when it sends the message and erases once it is delivered.
public struct OutgoingMail: Sendable, Equatable {
    /// Marks where `secret` goes in `body`.
    public static let secretPlaceholder = "{{secret}}"

    /// The tenant the email is about (every invite belongs to one).
    public var tenantID: UUID
    /// What kind of email this is, for the logs and tests: "invite", "invite-notice", …
    public var kind: String
    public var recipientEmail: String
    public var recipientName: String
    public var subject: String
    /// Plain text, lines separated by "\n".
    public var body: String
    /// The temporary password for `secretPlaceholder`, or nil.
    public var secret: String?

    public init(
        tenantID: UUID, kind: String, recipientEmail: String, recipientName: String,
        subject: String, body: String, secret: String? = nil
    ) {
        self.tenantID = tenantID
        self.kind = kind
        self.recipientEmail = recipientEmail
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.secret = secret
    }
}
