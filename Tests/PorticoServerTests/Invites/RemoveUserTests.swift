import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct RemoveUserTests {
    @Test func aRemovedMembersSessionFailsAtOnceAndTheirEmailIsFreeAgain() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let ownerEmail = freshEmail("owner")
            _ = try await server.inviteOwner(client: world.clientID, name: "Olivia", email: ownerEmail, token: world.adminToken)
            let ownerToken = try await server.activate(ownerEmail)
            let memberEmail = freshEmail("member")
            let member = try await server.inviteMember(name: "Max", email: memberEmail, token: ownerToken)
            let memberToken = try await server.activate(memberEmail)
            #expect(try await server.whoAmI(memberToken).principal.membership.role == .member)

            _ = try await server.removeUser(member.user.membershipId, token: ownerToken)
            #expect(await statusCode { try await server.whoAmI(memberToken) } == .unauthenticated)
            #expect(try await server.count("SELECT count(*)::int8 FROM portico.auth_users WHERE email = \(memberEmail)") == 0)
            #expect(await statusCode { try await server.login(email: memberEmail) } == .unauthenticated)
            #expect(try await server.listUsers(token: ownerToken).users.map(\.email) == [ownerEmail])

            let again = try await server.inviteMember(name: "Max Again", email: memberEmail, token: ownerToken)
            #expect(again.user.status == .invited)
            #expect(again.user.userId != member.user.userId)
            #expect(try await server.queuedMails(to: memberEmail).map(\.kind) == ["invite", "invite"])
        }
    }

    @Test func aLoginWithAnotherTenantsMembershipKeepsItAndItsPassword() async throws {
        try await withTestServer { server in
            let elsewhere = try await server.fixtures.member(.admin)
            let world = try await server.adminWorld()
            let tech = try await server.inviteTech(name: "Shared Person", email: elsewhere.email, token: world.adminToken)
            let techToken = try await server.signIn(email: elsewhere.email, tenantID: world.tenantID.uuidString)
            _ = try await server.removeUser(tech.user.membershipId, token: world.adminToken)
            #expect(await statusCode { try await server.whoAmI(techToken) } == .unauthenticated)
            #expect(try await server.count("SELECT count(*)::int8 FROM portico.auth_users WHERE id = \(elsewhere.user)") == 1)
            let login = try await server.login(email: elsewhere.email)
            #expect(login.memberships.map(\.tenantId) == [elsewhere.tenant!.uuidString.lowercased()])
        }
    }

    @Test func whoMayRemoveWhom() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let ownerEmail = freshEmail("owner")
            let owner = try await server.inviteOwner(client: world.clientID, name: "Olivia", email: ownerEmail, token: world.adminToken)
            let ownerToken = try await server.activate(ownerEmail)
            let tech = try await server.inviteTech(name: "Ted", email: freshEmail("tech"), token: world.adminToken)
            let secondAdmin = try await server.fixtures.user(displayName: "Bob Admin")
            let secondAdminMembership = try await server.namedMembership(user: secondAdmin.id, tenant: world.tenantID, role: .admin, name: "Bob Admin")
            let adminMembership = try await server.whoAmI(world.adminToken).principal.membership.id
            let otherTenant = try await server.fixtures.member(.tech)
            let otherMembership: UUID = try await server.fixtures.single(
                "SELECT id FROM portico.memberships WHERE user_id = \(otherTenant.user)"
            )
            let before = try await server.rowCounts()
            let refusals: [(String, String, RPCError.Code, String)] = [
                (owner.user.membershipId, ownerToken, .failedPrecondition, "you cannot remove yourself"),
                (tech.user.membershipId, ownerToken, .notFound, "user not found"),
                (adminMembership, ownerToken, .notFound, "user not found"),
                (adminMembership, world.adminToken, .failedPrecondition, "you cannot remove yourself"),
                (secondAdminMembership.uuidString, world.adminToken, .permissionDenied, "an admin cannot remove another admin"),
                (otherMembership.uuidString, world.adminToken, .notFound, "user not found"),
            ]
            for (id, token, code, message) in refusals {
                let error = await rpcError { try await server.removeUser(id, token: token) }
                #expect(error?.code == code, "\(message)")
                #expect(error?.message == message)
            }
            #expect(try await server.rowCounts() == before)

            _ = try await server.removeUser(tech.user.membershipId, token: world.adminToken)
            _ = try await server.removeUser(owner.user.membershipId, token: world.adminToken)
            #expect(await statusCode { try await server.whoAmI(ownerToken) } == .unauthenticated)
            #expect(try await server.listUsers(client: world.clientID.uuidString, token: world.adminToken).users.isEmpty)
            #expect(try await server.listUsers(token: world.adminToken).users.map(\.name) == ["Alice Admin", "Bob Admin"])
        }
    }
}
