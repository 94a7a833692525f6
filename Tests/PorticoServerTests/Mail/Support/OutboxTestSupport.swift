import Foundation
import Logging
@testable import PorticoServer
import PostgresNIO
import PostgresTestSupport

/// An outbox row as the schema owner sees it (past every policy).
struct OutboxRow: Sendable {
    var status: String
    var attempts: Int
    var secret: String?
    var nextAttemptAt: Date
    var claimedUntil: Date?
    var lastError: String?
    var sentAt: Date?
    /// The whole row as JSON text: where a secret would show if any column kept it.
    var json: String
}

/// Queueing and inspecting mail in one test database.
struct OutboxFixture: Sendable {
    let database: TestDatabase

    var fixtures: Fixtures { Fixtures(owner: database.owner, hasher: PasswordHasher(cost: TestServer.passwordHashCost)) }

    /// Queues one message as an ADMIN of `tenant` would (through the app role and the
    /// outbox's insert policy) and returns its id.
    func enqueue(
        tenant: UUID, to email: String = "jo@example.com", name: String = "Jo Example",
        subject: String = "Your Portico invite", body: String = "Your temporary password: {{secret}}\n",
        secret: String? = "Tmp-Secret-\(UUID().uuidString.prefix(8))", using pool: Database
    ) async throws -> UUID {
        try await pool.withContext(DatabaseContext(tenantID: tenant, role: .admin)) { connection in
            try await OutboxStore.enqueue(
                OutgoingMail(
                    tenantID: tenant, kind: "invite", recipientEmail: email, recipientName: name,
                    subject: subject, body: body, secret: secret
                ),
                on: connection
            )
        }
    }

    func row(_ id: UUID) async throws -> OutboxRow {
        try await fixtures.withOwnerConnection { connection in
            let rows = try await connection.query(
                """
                SELECT status, attempts, secret, next_attempt_at, claimed_until, last_error, sent_at,
                    row_to_json(o)::text
                FROM portico.outbox o WHERE id = \(id)
                """,
                logger: Fixtures.logger
            )
            for try await (status, attempts, secret, next, claimed, error, sent, json) in rows.decode(
                (String, Int32, String?, Date, Date?, String?, Date?, String).self
            ) {
                return OutboxRow(
                    status: status, attempts: Int(attempts), secret: secret, nextAttemptAt: next,
                    claimedUntil: claimed, lastError: error, sentAt: sent, json: json
                )
            }
            throw FixtureError.noRow
        }
    }

    /// The database's clock, to compare with the timestamps it writes.
    func databaseNow() async throws -> Date {
        try await fixtures.single("SELECT clock_timestamp()")
    }

    /// Polls `row(id)` until `condition` holds (fails after `timeout`).
    func waitForRow(
        _ id: UUID, timeout: Duration = .seconds(30), until condition: (OutboxRow) -> Bool
    ) async throws -> OutboxRow {
        let deadline = ContinuousClock.now + timeout
        while true {
            let row = try await row(id)
            if condition(row) { return row }
            guard ContinuousClock.now < deadline else {
                throw MailSpoolError(description: "outbox row \(id) is still \(row.status), attempts \(row.attempts)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

let mailTestLogger: Logger = {
    var logger = Logger(label: "portico.tests.mail")
    // Retries log warnings by design; the tests check outcomes, not these lines.
    logger.logLevel = .error
    return logger
}()

/// A transport that records what it was given, for counting deliveries.
actor RecordingTransport: MailTransport {
    private(set) var delivered: [RenderedMail] = []
    let pause: Duration

    init(pause: Duration = .zero) { self.pause = pause }

    nonisolated var summary: String { "recording" }

    func deliver(_ mail: RenderedMail) async throws(MailError) {
        delivered.append(mail)
        if pause > .zero { try? await Task.sleep(for: pause) }
    }
}
