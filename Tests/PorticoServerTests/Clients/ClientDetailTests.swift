import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ClientDetailTests {
    /// A portal user of `client`, written as the schema owner the way an invite would:
    /// a login (temporary password or not) and a membership with the inviter's name.
    @discardableResult
    func portalUser(
        _ server: TestServer, name: String, role: Portico_V1_Role, client: String, tenant: UUID, invited: Bool
    ) async throws -> (membership: UUID, email: String) {
        let login = try await server.fixtures.user(
            email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@client.example",
            displayName: "login name of \(name)", temporaryFor: invited ? .seconds(3600) : nil
        )
        let membership: UUID = try await server.fixtures.single(
            """
            INSERT INTO portico.memberships
                (tenant_id, user_id, role, client_id, display_name, invited_by_name)
            VALUES (\(tenant), \(login.id), \(role.databaseName), \(UUID(uuidString: client)), \(name), 'Ada Admin')
            RETURNING id
            """
        )
        return (membership, login.email)
    }

    @Test func aClientWithoutUsersHasNoOwnerAndNoMembers() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let client = try await server.createClient(clientFields("Harbor Hotels"), token: admin.token)
            let detail = try await server.getClient(client.id, token: admin.token)
            #expect(detail.client == client)
            #expect(!detail.hasOwner)
            #expect(detail.members == [])
            #expect(detail.client.userCount == 0)
            #expect(detail.client.ownerStatus == .unspecified)
        }
    }

    @Test func thePanelShowsTheOwnerAndMembersWithTheirStatus() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let harbor = try await server.createClient(clientFields("Harbor Hotels"), token: admin.token)
            let bay = try await server.createClient(clientFields("Bay Diner"), token: admin.token)
            let owner = try await portalUser(server, name: "Olivia Owner", role: .owner, client: harbor.id, tenant: admin.tenant, invited: true)
            try await portalUser(server, name: "zed member", role: .member, client: harbor.id, tenant: admin.tenant, invited: false)
            try await portalUser(server, name: "Amy Member", role: .member, client: harbor.id, tenant: admin.tenant, invited: true)
            try await portalUser(server, name: "Bob Bay", role: .owner, client: bay.id, tenant: admin.tenant, invited: false)
            let tech = try await server.fixtures.user()
            try await server.fixtures.membership(user: tech.id, tenant: admin.tenant, role: .tech)

            let detail = try await server.getClient(harbor.id, token: admin.token)
            #expect(detail.client.userCount == 3)
            #expect(detail.client.ownerStatus == .invited)
            #expect(detail.owner.membershipId == owner.membership.uuidString.lowercased())
            #expect(detail.owner.name == "Olivia Owner")
            #expect(detail.owner.email == owner.email)
            #expect(detail.owner.role == .owner)
            #expect(detail.owner.clientId == harbor.id)
            #expect(detail.owner.status == .invited)
            #expect(detail.owner.invitedByName == "Ada Admin")
            #expect(detail.owner.hasTemporaryPasswordExpiresAt)
            #expect(detail.members.map(\.name) == ["Amy Member", "zed member"])
            #expect(detail.members.map(\.status) == [.invited, .active])
            #expect(detail.members.map(\.role) == [.member, .member])

            let bayDetail = try await server.getClient(bay.id, token: admin.token)
            #expect(bayDetail.owner.name == "Bob Bay")
            #expect(bayDetail.owner.status == .active)
            #expect(bayDetail.members == [])

            // The list computes the same summary in SQL.
            let listed = try await server.clients.listClients(Portico_V1_ListClientsRequest(), metadata: bearer(admin.token)).clients
            #expect(listed.map(\.name) == ["Bay Diner", "Harbor Hotels"])
            #expect(listed.map(\.userCount) == [1, 3])
            #expect(listed.map(\.ownerStatus) == [.active, .invited])
            #expect(listed[1] == detail.client)
        }
    }

    @Test func theOwnerBecomesActiveOnceThePasswordIsTheirOwn() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let client = try await server.createClient(clientFields("Harbor Hotels"), token: admin.token)
            let owner = try await portalUser(server, name: "Olivia Owner", role: .owner, client: client.id, tenant: admin.tenant, invited: true)
            #expect(try await server.getClient(client.id, token: admin.token).owner.status == .invited)

            var change = Portico_V1_ChangePasswordRequest()
            change.currentPassword = Fixtures.password
            change.newPassword = "the owner's very own password"
            let ownerToken = try await server.signIn(email: owner.email)
            _ = try await server.auth.changePassword(change, metadata: bearer(ownerToken))

            let detail = try await server.getClient(client.id, token: admin.token)
            #expect(detail.owner.status == .active)
            #expect(!detail.owner.hasTemporaryPasswordExpiresAt)
            #expect(detail.client.ownerStatus == .active)
            let listed = try await server.clients.listClients(Portico_V1_ListClientsRequest(), metadata: bearer(admin.token))
            #expect(listed.clients.map(\.ownerStatus) == [.active])
        }
    }
}
