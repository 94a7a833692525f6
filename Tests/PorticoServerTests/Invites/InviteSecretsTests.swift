import Foundation
import PorticoAPI
@testable import PorticoServer
import Testing

/// Temporary passwords live only in the outbox's `secret` (and, once sent, the email):
/// never in a log line, at any level, on success or failure.
@Suite struct InviteSecretsTests {
    @Test func temporaryPasswordsNeverReachTheLog() async throws {
        let logs = CapturedLogs()
        var secrets: [String] = []
        try await withTestServer(logger: logs.logger()) { server in
            var create = Portico_V1_CreateTenantRequest()
            create.name = "Logged Co"
            create.adminName = "Alice Admin"
            create.adminEmail = "alice@logged.example"
            _ = try await server.operators.createTenant(create, metadata: bearer(try await server.operatorToken()))
            let adminPassword = try await server.latestTemporaryPassword(to: "alice@logged.example")
            let adminToken = try await server.activate("alice@logged.example")
            let client = try await server.fixtures.client(
                in: try await server.fixtures.single("SELECT id FROM portico.tenants WHERE name = 'Logged Co'"), name: "Globex"
            )
            let owner = try await server.inviteOwner(client: client, name: "Olivia", email: "olivia@logged.example", token: adminToken)
            let firstOwnerPassword = try await server.latestTemporaryPassword(to: "olivia@logged.example")
            _ = try await server.resendInvite(owner.user.membershipId, token: adminToken)
            let secondOwnerPassword = try await server.latestTemporaryPassword(to: "olivia@logged.example")
            _ = await statusCode { try await server.login(email: "olivia@logged.example", password: firstOwnerPassword) }
            _ = await statusCode { try await server.inviteOwner(client: client, name: "Again", email: "x@logged.example", token: adminToken) }
            _ = try await server.activate("olivia@logged.example")
            secrets = [adminPassword, firstOwnerPassword, secondOwnerPassword]
            let hashes = try await server.fixtures.withOwnerConnection { connection in
                try await connection.query("SELECT password_hash FROM portico.auth_users", logger: Fixtures.logger)
                    .collect().map { try $0.decode(String.self) }
            }
            secrets += hashes
        }
        let text = logs.text
        #expect(text.contains("Invites/InviteOwner"), "the calls were logged at all")
        #expect(secrets.count >= 5)
        for secret in secrets + ["$scrypt$"] {
            #expect(!text.contains(secret), "log contains a secret")
        }
    }
}
