import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Issue 4's first check, end to end through the generated client: a tenant from
/// nothing to an owner who invites and removes a member.
@Suite struct InviteStoryTests {
    @Test func fromANewTenantToAnOwnerRemovingAMember() async throws {
        try await withTestServer { server in
            // The operator creates a tenant; its first admin is invited by email.
            var create = Portico_V1_CreateTenantRequest()
            create.name = "Acme Plumbing"
            create.adminName = "Alice Admin"
            create.adminEmail = "alice@acme.example"
            let tenant = try await server.operators.createTenant(create, metadata: bearer(try await server.operatorToken()))
            #expect(tenant.admin.status == .invited)

            // The admin signs in with the emailed temporary password and sets their own.
            let adminMail = try await server.deliveredInvite(to: "alice@acme.example")
            let adminFirst = try await server.login(email: "alice@acme.example", password: adminMail.password)
            #expect(adminFirst.session.passwordChangeRequired)
            _ = try await server.changePassword(token: adminFirst.session.token, from: adminMail.password, to: "alice's own long password")
            let adminToken = adminFirst.session.token

            // The admin creates a client and invites its owner.
            let clientID = try await server.storyClient(named: "Globex Corp", tenantID: tenant.tenant.id, adminToken: adminToken)
            let invited = try await server.inviteOwner(client: clientID, name: "Olivia Owner", email: "olivia@globex.example", token: adminToken)
            #expect(invited.user.status == .invited)
            let ownerMail = try await server.deliveredInvite(to: "olivia@globex.example")
            #expect(ownerMail.body.contains("Alice Admin of Acme Plumbing has invited you"))

            // With the temporary password only the three allowed methods work.
            let ownerFirst = try await server.login(email: "olivia@globex.example", password: ownerMail.password)
            #expect(ownerFirst.session.passwordChangeRequired)
            for method in RoleMatrixTests.methods {
                let token = try await server.signIn(email: "olivia@globex.example", password: ownerMail.password)
                let status = try await server.client.rawCall(method, metadata: bearer(token))
                let rule = try #require(PorticoAPIRegistry.access[method])
                if rule.public || rule.allowedBeforePasswordChange {
                    #expect(status != .failedPrecondition, "\(method)")
                } else {
                    #expect(status == .failedPrecondition, "\(method)")
                }
            }
            let ownerToken = try await server.signIn(email: "olivia@globex.example", password: ownerMail.password)
            _ = try await server.changePassword(token: ownerToken, from: ownerMail.password, to: "olivia's own long password")
            #expect(try await server.userList(token: adminToken, client: clientID).first?.status == .active)

            // The owner invites a member, who signs in and sets a password.
            let member = try await server.inviteMember(name: "Max Member", email: "max@globex.example", token: ownerToken)
            let memberMail = try await server.deliveredInvite(to: "max@globex.example")
            #expect(memberMail.body.contains("Olivia Owner of Globex Corp has invited you"))
            let memberToken = try await server.signIn(email: "max@globex.example", password: memberMail.password)
            _ = try await server.changePassword(token: memberToken, from: memberMail.password, to: "max's own long password")
            #expect(try await server.whoAmI(memberToken).principal.membership.role == .member)

            // The owner removes the member: their session fails at once, the email is free.
            _ = try await server.removeUser(member.user.membershipId, token: ownerToken)
            #expect(await statusCode { try await server.whoAmI(memberToken) } == .unauthenticated)
            #expect(await statusCode { try await server.login(email: "max@globex.example", password: "max's own long password") } == .unauthenticated)
            let again = try await server.inviteMember(name: "Max Member", email: "max@globex.example", token: ownerToken)
            #expect(again.user.status == .invited)
            #expect(try await server.userList(token: ownerToken).map(\.name) == ["Max Member", "Olivia Owner"])
        }
    }
}

/// An invite email as the recipient reads it.
struct DeliveredInvite {
    var body: String
    var password: String
}

extension TestServer {
    /// The latest invite email to `email` as it landed in the spool, and its
    /// temporary password.
    func deliveredInvite(to email: String) async throws -> DeliveredInvite {
        let password = try await latestTemporaryPassword(to: email)
        guard let mail = try mailSpool.messages(to: email).last else { throw FixtureError.noRow }
        return DeliveredInvite(body: mail.body, password: password)
    }

    /// The story's client.
    // CLIENTS: create it with Clients/CreateClient once that service is on main.
    func storyClient(named name: String, tenantID: String, adminToken: String) async throws -> UUID {
        try await fixtures.client(in: try #require(UUID(uuidString: tenantID)), name: name)
    }

    func userList(token: String, client: UUID? = nil) async throws -> [Portico_V1_User] {
        try await listUsers(client: client?.uuidString ?? "", token: token).users
    }
}
