import Foundation
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// Schema/README.md rule 3, "never lost": real `portico-server` processes, one of them killed
/// with SIGKILL while it holds a message.
@Suite struct MailRestartTests {
    @Test func mailOfAServerKilledMidDeliveryIsDeliveredOnceAfterRestart() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let tenant = try await outbox.fixtures.tenant()
        // The first server's mail command hangs: the message is claimed, not delivered.
        let hanging = try await ServerProcess.start(
            database: database, mailCommand: "cat > /dev/null; exec sleep 15", arguments: ["--mail-timeout", "3"]
        )
        defer { hanging.kill(); hanging.removeFiles() }
        let id = try await withDatabase(database.app) { pool in
            try await outbox.enqueue(tenant: tenant, secret: "Tmp-Kill-9", using: pool)
        }
        let claimed = try await outbox.waitForRow(id, timeout: .seconds(20)) { $0.attempts == 1 }
        #expect(claimed.claimedUntil != nil)
        hanging.kill()

        let restarted = try await ServerProcess.start(database: database)
        defer { restarted.kill(); restarted.removeFiles() }
        // Delivered once the dead server's claim (3 s timeout + 5 s margin) has expired.
        let mail = try await restarted.mailSpool.waitForMessages(count: 1, timeout: .seconds(40))
        #expect(mail.map(\.fileName) == ["\(id.uuidString.lowercased()).eml"])
        #expect(mail.first?.body == "Your temporary password: Tmp-Kill-9\n")
        let row = try await outbox.waitForRow(id) { $0.status == "SENT" }
        #expect(row.attempts == 2)
        #expect(row.secret == nil)
        #expect(hanging.mailSpool.path != restarted.mailSpool.path)
        #expect(await restarted.stop() == 0)
        #expect(try restarted.mailSpool.messages().count == 1)
        #expect(restarted.errorOutput.contains("mail delivered"))
        #expect(!restarted.errorOutput.contains("Tmp-Kill-9"))
    }

    @Test func mailQueuedWhileNoServerDeliversIsSentByTheNextOne() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let tenant = try await outbox.fixtures.tenant()
        let ids = try await withServerProcesses(1, database: database, arguments: ["--mail-delivery", "off"]) { _ in
            try await withDatabase(database.app) { pool in
                [try await outbox.enqueue(tenant: tenant, using: pool), try await outbox.enqueue(tenant: tenant, using: pool)]
            }
        }
        #expect(try await outbox.row(ids[0]).attempts == 0)
        try await withServerProcesses(1, database: database) { servers in
            let mail = try await servers[0].mailSpool.waitForMessages(count: 2)
            #expect(Set(mail.map(\.fileName)) == Set(ids.map { "\($0.uuidString.lowercased()).eml" }))
        }
    }
}
