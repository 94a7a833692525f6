import Foundation
@testable import PorticoServer
import PostgresTestSupport
import Testing
import TestSupport

/// The delivery worker against a real PostgreSQL: claims, outcomes, retries and
/// several workers on one database.
@Suite struct MailDeliveryTests {
    func worker(
        _ pool: Database, settings: MailSettings, transport: (any MailTransport)? = nil
    ) throws -> MailDelivery {
        try MailDelivery(database: pool, settings: settings, nudge: MailNudge(), logger: mailTestLogger, transport: transport)
    }

    @Test func deliversToTheSpoolAndScrubsTheSecretFromTheRow() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let spool = TemporaryFolder("spool")
        defer { spool.remove() }
        try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            let id = try await outbox.enqueue(tenant: tenant, secret: "Tmp-7hQ2-wX9z", using: pool)
            #expect(try await outbox.row(id).json.contains("Tmp-7hQ2-wX9z"))

            let delivered = try await worker(pool, settings: MailSettings(spoolDirectory: spool.path)).deliverDueMessages()

            #expect(delivered == 1)
            let mail = try MailSpool(path: spool.path).messages()
            #expect(mail.map(\.fileName) == ["\(id.uuidString.lowercased()).eml"])
            #expect(mail.first?.body == "Your temporary password: Tmp-7hQ2-wX9z\n")
            #expect(mail.first?.toAddress == "jo@example.com")
            let row = try await outbox.row(id)
            #expect(row.status == "SENT")
            #expect(row.attempts == 1)
            #expect(row.secret == nil)
            #expect(row.sentAt != nil)
            #expect(row.claimedUntil == nil)
            #expect(!row.json.contains("Tmp-7hQ2-wX9z"))
        }
    }

    @Test func aFailingCommandIsRetriedWithGrowingDelaysThenDeliveredOnce() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let folder = TemporaryFolder("flaky-command")
        try FileManager.default.createDirectory(atPath: folder.appending("sent"), withIntermediateDirectories: true)
        defer { folder.remove() }
        // Fails until the flag file exists; then keeps one file per delivery.
        let command = """
            if [ ! -f '\(folder.appending("up"))' ]; then cat > /dev/null; echo 'smtp: connection refused' >&2; exit 1; fi
            cat > "$(mktemp '\(folder.appending("sent"))/mail-XXXXXX')"
            """
        let base = Duration.seconds(1)
        let settings = MailSettings(command: command, retryDelay: base)
        try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            let id = try await outbox.enqueue(tenant: tenant, using: pool)
            let worker = try worker(pool, settings: settings)
            var nextAttempts: [Date] = []
            for attempt in 1...3 {
                let before = try await outbox.databaseNow()
                #expect(await worker.deliverNext() == false)
                let after = try await outbox.databaseNow()
                let row = try await outbox.row(id)
                #expect(row.status == "PENDING")
                #expect(row.attempts == attempt)
                #expect(row.lastError == "the mail command exited with status 1: smtp: connection refused")
                #expect(row.claimedUntil == nil)
                #expect(row.secret != nil)
                // The backoff lies in [0.75, 1] × base × 2^(attempt-1), measured from
                // before the attempt (at least) and from after it (at most).
                let full = base.totalSeconds * Double(1 << (attempt - 1))
                #expect(row.nextAttemptAt.timeIntervalSince(before) >= 0.75 * full)
                #expect(row.nextAttemptAt.timeIntervalSince(after) <= full)
                nextAttempts.append(row.nextAttemptAt)
                // Not due yet: nothing is claimed (checked only while surely not due, so a
                // slow machine cannot make it flaky).
                if try await outbox.databaseNow() < row.nextAttemptAt.addingTimeInterval(-0.3) {
                    #expect(await worker.deliverNext() == nil)
                    #expect(try await outbox.row(id).attempts == attempt)
                }
                let wait = row.nextAttemptAt.timeIntervalSince(try await outbox.databaseNow())
                try await Task.sleep(for: .seconds(max(wait, 0)) + .milliseconds(50))
            }
            #expect(nextAttempts == nextAttempts.sorted() && Set(nextAttempts).count == 3)
            _ = FileManager.default.createFile(atPath: folder.appending("up"), contents: nil)

            #expect(await worker.deliverNext() == true)
            #expect(await worker.deliverNext() == nil)

            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appending("sent")).count == 1)
            let row = try await outbox.row(id)
            #expect(row.status == "SENT")
            #expect(row.attempts == 4)
            #expect(row.secret == nil)
        }
    }

    /// The worker logs only the recipient's domain; a command's own error output is
    /// kept (it says why delivery failed) with the secret masked out.
    @Test func neitherTheLogsNorLastErrorEverHoldTheSecret() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let logs = CapturedLogs()
        // A command that echoes the whole message to standard error, then fails.
        let settings = MailSettings(command: "cat >&2; exit 1")
        try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            let id = try await outbox.enqueue(
                tenant: tenant, to: "pat@client.example", subject: "Invite", secret: "Tmp-Leak-Check-42", using: pool
            )
            let worker = try MailDelivery(
                database: pool, settings: settings, nudge: MailNudge(), logger: logs.logger()
            )
            #expect(await worker.deliverDueMessages() == 0)
            let row = try await outbox.row(id)
            #expect(row.lastError?.hasPrefix("the mail command exited with status 1: ") == true)
            #expect(row.lastError?.hasSuffix("Your temporary password: [secret]") == true)
            #expect(!row.json.replacingOccurrences(of: "\"secret\":\"Tmp-Leak-Check-42\"", with: "").contains("Tmp-Leak-Check-42"))
            #expect(logs.text.contains("mail delivery failed"))
            #expect(logs.text.contains("\"recipient_domain\": client.example"))
            #expect(!logs.text.contains("Tmp-Leak-Check-42"))
        }
    }

    @Test func twoWorkersDeliverEveryMessageExactlyOnce() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let count = 40
        let ids = try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            var ids: [UUID] = []
            for index in 0..<count {
                ids.append(try await outbox.enqueue(tenant: tenant, to: "user\(index)@example.com", using: pool))
            }
            return ids
        }
        let transports = [RecordingTransport(pause: .milliseconds(5)), RecordingTransport(pause: .milliseconds(5))]
        // Two pools, as two server instances would have.
        let sent = try await withThrowingTaskGroup(of: Int.self) { group in
            for transport in transports {
                group.addTask {
                    try await withDatabase(database.app) { pool in
                        try await self.worker(pool, settings: MailSettings(), transport: transport).deliverDueMessages()
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        let delivered = await transports[0].delivered + transports[1].delivered
        #expect(sent == count)
        #expect(delivered.count == count)
        #expect(Set(delivered.map(\.messageID)) == Set(ids.map { "<\($0.uuidString.lowercased())@portico>" }))
        for id in ids {
            let row = try await outbox.row(id)
            #expect(row.status == "SENT" && row.attempts == 1)
        }
    }

    @Test func aClaimOfACrashedWorkerExpiresAndAnotherWorkerDelivers() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            let id = try await outbox.enqueue(tenant: tenant, using: pool)
            // The "crashed" worker claims and never reports back.
            // A lease long enough that a loaded machine cannot let it lapse before the
            // survivor's first look.
            let lost = try #require(try await OutboxStore(database: pool).claim(lease: .seconds(5)))
            #expect(lost.id == id && lost.attempt == 1)
            let transport = RecordingTransport()
            let survivor = try worker(pool, settings: MailSettings(), transport: transport)
            #expect(await survivor.deliverDueMessages() == 0)

            _ = try await outbox.waitForRow(id, timeout: .seconds(30)) { $0.claimedUntil.map { $0 < Date() } ?? true }
            try await Task.sleep(for: .milliseconds(200))
            #expect(await survivor.deliverDueMessages() == 1)

            #expect(await transport.delivered.map(\.messageID) == [lost.messageID])
            #expect(try await outbox.row(id).attempts == 2)
            // The late original may no longer record anything.
            #expect(try await OutboxStore(database: pool).markSent(lost) == false)
            #expect(try await OutboxStore(database: pool).reschedule(lost, after: .seconds(1), error: "late") == false)
            #expect(try await outbox.row(id).status == "SENT")
        }
    }

    @Test func aGracefulStopFinishesTheMessageInHand() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let folder = TemporaryFolder("slow-command")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let settings = MailSettings(command: "sleep 1; cat > '\(folder.appending("out.eml"))'", pollInterval: .milliseconds(50))
        try await withDatabase(database.app) { pool in
            let tenant = try await outbox.fixtures.tenant()
            let id = try await outbox.enqueue(tenant: tenant, using: pool)
            let worker = try worker(pool, settings: settings)
            let running = Task { await worker.run() }
            _ = try await outbox.waitForRow(id) { $0.attempts == 1 }
            await worker.stop()
            #expect(try await outbox.row(id).status == "SENT")
            #expect(FileManager.default.fileExists(atPath: folder.appending("out.eml")))
            await running.value
        }
    }

    @Test func aMessageQueuedThroughTheServerIsDeliveredToItsSpoolWhenNudged() async throws {
        try await withTestServer(configure: { $0.mail.pollInterval = .seconds(3600) }) { server in
            let outbox = OutboxFixture(database: server.database)
            let tenant = try await outbox.fixtures.tenant()
            try await withDatabase(server.database.app) { pool in
                _ = try await outbox.enqueue(tenant: tenant, to: "Owner@Example.com", secret: "Tmp-abc", using: pool)
            }
            server.server.mailNudge.nudge()
            let mail = try await server.mailSpool.waitForMessage(to: "owner@example.com", timeout: .seconds(10))
            #expect(mail.body == "Your temporary password: Tmp-abc\n")
            #expect(mail.header("From") == "Portico <no-reply@portico.local>")
        }
    }

    @Test func aSenderThatIsNotAMailboxStopsTheServerAtStart() async throws {
        let error = await #expect(throws: MailError.self) {
            try await withTestServer(configure: { $0.mail.from = "Portico" }) { _ in }
        }
        #expect(error?.code == .invalidSender)
    }
}
