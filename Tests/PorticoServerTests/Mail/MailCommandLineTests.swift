import Foundation
@testable import PorticoServer
import PostgresTestSupport
import Testing
import TestSupport

/// `portico-server`'s mail settings from its environment, on a real process.
@Suite struct MailCommandLineTests {
    @Test func theMailCommandAndSenderComeFromTheEnvironment() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let outbox = OutboxFixture(database: database)
        let folder = TemporaryFolder("mail-env")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let server = try await ServerProcess.start(database: database, environment: [
            "PORTICO_MAIL_COMMAND": "cat > '\(folder.appending("sent.eml"))'",
            "PORTICO_MAIL_FROM": "Acme Field Service <portal@acme.test>",
        ])
        defer { server.kill(); server.removeFiles() }
        let tenant = try await outbox.fixtures.tenant()
        let id = try await withDatabase(database.app) { pool in try await outbox.enqueue(tenant: tenant, using: pool) }
        _ = try await outbox.waitForRow(id) { $0.status == "SENT" }
        let mail = try SpooledMail(
            fileName: "sent.eml", raw: String(contentsOfFile: folder.appending("sent.eml"), encoding: .utf8)
        )
        #expect(mail.header("From") == "Acme Field Service <portal@acme.test>")
        #expect(mail.toAddress == "jo@example.com")
        #expect(try server.mailSpool.messages().isEmpty)
    }

    @Test func aSenderThatIsNotAMailboxStopsTheServer() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let error = await #expect(throws: ServerProcessError.self) {
            try await ServerProcess.start(database: database, arguments: ["--mail-from", "Portico <nobody>"])
        }
        #expect(error?.description.contains("--mail-from 'Portico <nobody>' is not a mailbox") == true)
    }
}
