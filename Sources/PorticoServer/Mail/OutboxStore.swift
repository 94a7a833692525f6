import Foundation
import PostgresNIO

/// The SQL of `portico.outbox`. Mail is queued by `enqueue(_:on:)` in the transaction
/// that makes it necessary (an invite's); the delivery worker claims and settles it,
/// always in the MAILER context (the only one the outbox policies let read or update
/// queued mail, across tenants).
///
/// A claim is one short transaction: it picks the oldest due message no one else holds
/// (`FOR UPDATE SKIP LOCKED`, so workers of several server instances never wait for or
/// take each other's), counts the attempt and leases the message until
/// `claimed_until`. The outcome is recorded in a second transaction only while the claim
/// is still this worker's (the attempt count is unchanged): a worker that was presumed
/// dead and outlived its lease cannot overwrite the newer attempt's result.
struct OutboxStore: Sendable {
    let database: Database

    static let context = DatabaseContext(role: .mailer)

    /// Queues `mail` in the outbox as part of `connection`'s transaction: it is
    /// delivered only if the transaction commits, and then exactly as long as it takes
    /// to succeed. Returns the message's id.
    @discardableResult
    static func enqueue(_ mail: OutgoingMail, on connection: DatabaseConnection) async throws -> UUID {
        let id = UUID()
        try await connection.execute(
            """
            INSERT INTO portico.outbox (
                tenant_id, id, kind, recipient_email, recipient_name, subject, body, secret
            ) VALUES (
                \(mail.tenantID), \(id), \(mail.kind), \(mail.recipientEmail),
                \(mail.recipientName), \(mail.subject), \(mail.body), \(mail.secret)
            )
            """
        )
        return id
    }

    /// The next due message, claimed for `lease`; nil when none is due.
    func claim(lease: Duration) async throws -> OutboxMessage? {
        try await database.withContext(Self.context) { connection in
            let rows = try await connection.query(
                """
                WITH due AS (
                    SELECT tenant_id, id FROM portico.outbox
                    WHERE status = 'PENDING' AND next_attempt_at <= now()
                        AND (claimed_until IS NULL OR claimed_until <= now())
                    ORDER BY next_attempt_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE portico.outbox o
                SET attempts = o.attempts + 1,
                    claimed_until = now() + make_interval(secs => \(lease.totalSeconds))
                FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
                RETURNING o.tenant_id, o.id, o.kind, o.recipient_email, o.recipient_name,
                    o.subject, o.body, o.secret, o.attempts, o.created_at
                """
            )
            return try rows.first.map(Self.message)
        }
    }

    /// Delivered: SENT, and the temporary password is gone from the row for good.
    /// Returns false when the claim was lost (another worker took the message over).
    func markSent(_ message: OutboxMessage) async throws -> Bool {
        try await database.withContext(Self.context) { connection in
            try await connection.execute(
                """
                UPDATE portico.outbox
                SET status = 'SENT', sent_at = now(), secret = NULL, claimed_until = NULL
                WHERE tenant_id = \(message.mail.tenantID) AND id = \(message.id)
                    AND status = 'PENDING' AND attempts = \(message.attempt)
                """
            ) == 1
        }
    }

    /// Failed: records why and when to try again, and releases the claim. Returns false
    /// when the claim was lost.
    func reschedule(_ message: OutboxMessage, after delay: Duration, error: String) async throws -> Bool {
        try await database.withContext(Self.context) { connection in
            try await connection.execute(
                """
                UPDATE portico.outbox
                SET next_attempt_at = now() + make_interval(secs => \(delay.totalSeconds)),
                    claimed_until = NULL, last_error = \(error)
                WHERE tenant_id = \(message.mail.tenantID) AND id = \(message.id)
                    AND status = 'PENDING' AND attempts = \(message.attempt)
                """
            ) == 1
        }
    }

    private static func message(_ row: PostgresRow) throws -> OutboxMessage {
        let (tenant, id, kind, email, name, subject, body, secret, attempts, created) = try row.decode(
            (UUID, UUID, String, String, String, String, String, String?, Int32, Date).self
        )
        let mail = OutgoingMail(
            tenantID: tenant, kind: kind, recipientEmail: email, recipientName: name,
            subject: subject, body: body, secret: secret
        )
        return OutboxMessage(id: id, mail: mail, attempt: Int(attempts), createdAt: created)
    }
}
