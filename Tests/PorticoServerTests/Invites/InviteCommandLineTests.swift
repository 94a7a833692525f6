import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// `portico-server`'s invite settings from its flags and environment, on a real process:
/// the portal link in the email and the temporary password's lifetime.
@Suite struct InviteCommandLineTests {
    @Test func thePortalURLAndTheExpiryReachTheInviteEmail() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let server = try await ServerProcess.start(
            database: database,
            arguments: ["--invite-expiry-hours", "2"],
            environment: ["PORTICO_PORTAL_URL": "https://portal.acme.test/sign-in"]
        )
        defer { server.kill(); server.removeFiles() }
        let started = Date()
        let admin = try await server.withClient { client in
            let auth = Portico_V1_Auth.Client(wrapping: client)
            var login = Portico_V1_LoginRequest()
            login.email = "operator@portico.test"
            login.password = Fixtures.operatorPassword
            let token = try await auth.login(login).session.token
            var create = Portico_V1_CreateTenantRequest()
            create.name = "Acme Plumbing"
            create.adminName = "Alice Admin"
            create.adminEmail = "alice@acme.test"
            return try await Portico_V1_Operator.Client(wrapping: client)
                .createTenant(create, metadata: ["authorization": "Bearer \(token)"]).admin
        }
        let expiresIn = admin.temporaryPasswordExpiresAt.date.timeIntervalSince(started)
        #expect(expiresIn > 2 * 3600 - 60 && expiresIn < 2 * 3600 + 60, "expires in \(expiresIn) s")
        let mail = try await server.mailSpool.waitForMessage(to: "alice@acme.test")
        #expect(mail.body.contains("  Portal:             https://portal.acme.test/sign-in\n"))
    }

    @Test(arguments: [
        (["--invite-expiry-hours", "0"], "invite expiry must be between 1 and 720 hours, not 0"),
        (["--portal-url", "ftp://portal.acme.test"], "the portal URL must be an http(s) address, not 'ftp://portal.acme.test'"),
    ])
    func badInviteSettingsStopTheServer(arguments: [String], message: String) async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        let error = await #expect(throws: ServerProcessError.self) {
            try await ServerProcess.start(database: database, arguments: arguments)
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
