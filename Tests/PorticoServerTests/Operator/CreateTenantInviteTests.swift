import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// CreateTenant invites the tenant's first ADMIN through the invite flow, uncounted.
@Suite struct CreateTenantInviteTests {
    func createTenant(_ server: TestServer, name: String, adminName: String, adminEmail: String) async throws -> Portico_V1_CreateTenantResponse {
        var request = Portico_V1_CreateTenantRequest()
        request.name = name
        request.adminName = adminName
        request.adminEmail = adminEmail
        return try await server.operators.createTenant(request, metadata: bearer(try await server.operatorToken()))
    }

    @Test func theFirstAdminIsInvitedByEmailAndNotCounted() async throws {
        try await withTestServer(configure: { $0.invites.portalURL = "https://portal.example.test" }) { server in
            let response = try await createTenant(server, name: "Acme Plumbing", adminName: " Alice Admin ", adminEmail: "Alice@Acme.Example")
            let admin = response.admin
            #expect(admin.name == "Alice Admin")
            #expect(admin.email == "alice@acme.example")
            #expect(admin.role == .admin)
            #expect(admin.status == .invited)
            #expect(admin.invitedByName == "")
            #expect(admin.hasTemporaryPasswordExpiresAt)
            #expect(abs(admin.invitedAt.date.timeIntervalSinceNow) < 60)
            let tenantID = try #require(UUID(uuidString: response.tenant.id))

            let counted: Bool = try await server.fixtures.single(
                "SELECT counted FROM portico.invite_events WHERE tenant_id = \(tenantID) AND kind = 'ADMIN'"
            )
            #expect(!counted)
            let mail = try #require(try await server.queuedMails(to: "alice@acme.example").first)
            #expect(mail.kind == "invite")
            #expect(mail.subject == "Your invitation to Acme Plumbing on Portico")
            #expect(mail.body.contains("The Portico team has invited you to Acme Plumbing on Portico, as an administrator."))
            #expect(mail.body.contains("https://portal.example.test"))

            let password = try await server.latestTemporaryPassword(to: "alice@acme.example")
            let login = try await server.login(email: "alice@acme.example", password: password)
            #expect(login.session.passwordChangeRequired)
            #expect(login.principal.membership.role == .admin)
            #expect(login.principal.membership.id == admin.membershipId)
            #expect(login.principal.membership.tenantId == response.tenant.id)
            let quota = await rpcError { try await server.inviteQuota(token: login.session.token) }
            #expect(quota?.code == .failedPrecondition)
            let token = try await server.activate("alice@acme.example")
            let fresh = try await server.inviteQuota(token: token)
            #expect(fresh.used == 0)
            #expect(fresh.limit == 50)
            let staff = try await server.listUsers(token: token).users
            #expect(staff.count == 1)
            #expect(staff.first?.membershipId == admin.membershipId)
            #expect(staff.first?.status == .active)
        }
    }

    @Test func badAdminInputCreatesNoTenant() async throws {
        try await withTestServer { server in
            let before = try await server.rowCounts()
            let cases: [(String, String, String)] = [
                ("", "alice@example.com", "admin_name: must not be empty"),
                (String(repeating: "a", count: 10_000), "alice@example.com", "admin_name: must be at most 200 characters"),
                ("Alice", "", "admin_email: must not be empty"),
                ("Alice", "alice@@example.com", "admin_email: must be an email address like name@example.com"),
                ("Alice", "alice@example", "admin_email: must be an email address like name@example.com"),
            ]
            for (name, email, message) in cases {
                let error = await rpcError { try await createTenant(server, name: "Acme", adminName: name, adminEmail: email) }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message == message)
            }
            #expect(try await server.rowCounts() == before)
            #expect(try await server.count("SELECT count(*)::int8 FROM portico.tenants") == 0)
        }
    }

    @Test func aDuplicateTenantNameLeavesNoLoginBehind() async throws {
        try await withTestServer { server in
            _ = try await createTenant(server, name: "Acme", adminName: "Alice", adminEmail: "alice@example.com")
            let before = try await server.rowCounts()
            let error = await rpcError { try await createTenant(server, name: "ACME", adminName: "Bob", adminEmail: "bob@example.com") }
            #expect(error?.code == .alreadyExists)
            #expect(error?.message == "a tenant with this name already exists")
            #expect(try await server.rowCounts() == before)
        }
    }

    @Test func anAdminWhoAlreadyHasALoginGetsANotice() async throws {
        try await withTestServer { server in
            let existing = try await server.fixtures.member(.admin)
            let response = try await createTenant(server, name: "Second Co", adminName: "Alice", adminEmail: existing.email)
            #expect(response.admin.status == .active)
            #expect(response.admin.userId == existing.user.uuidString.lowercased())
            let mail = try #require(try await server.queuedMails(to: existing.email).first)
            #expect(mail.kind == "invite-notice")
            #expect(mail.secret == nil)
            let login = try await server.login(email: existing.email, tenantID: response.tenant.id)
            #expect(login.principal.membership.role == .admin)
            #expect(!login.session.passwordChangeRequired)
        }
    }
}
