import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ListUsersTests {
    @Test func adminsListAClientsUsersAndTheStaffInPagesByName() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let ownerEmail = freshEmail("owner")
            _ = try await server.inviteOwner(client: world.clientID, name: "Olivia Owner", email: ownerEmail, token: world.adminToken)
            let ownerToken = try await server.activate(ownerEmail)
            for name in ["dora", "Carl", "bea", "Erin"] {
                _ = try await server.inviteMember(name: name, email: freshEmail(), token: ownerToken)
            }
            _ = try await server.inviteTech(name: "Ted Tech", email: freshEmail(), token: world.adminToken)

            var pages: [[String]] = []
            var token = ""
            repeat {
                let page = try await server.listUsers(client: world.clientID.uuidString, pageSize: 2, pageToken: token, token: world.adminToken)
                pages.append(page.users.map(\.name))
                token = page.page.nextPageToken
            } while !token.isEmpty
            #expect(pages == [["bea", "Carl"], ["dora", "Erin"], ["Olivia Owner"]])

            let all = try await server.listUsers(client: world.clientID.uuidString, token: world.adminToken).users
            let owner = try #require(all.first { $0.role == .owner })
            #expect(owner.status == .active)
            #expect(!owner.hasTemporaryPasswordExpiresAt)
            #expect(owner.invitedByName == "Alice Admin")
            let member = try #require(all.first { $0.name == "bea" })
            #expect(member.status == .invited)
            #expect(member.hasTemporaryPasswordExpiresAt)
            #expect(member.invitedByName == "Olivia Owner")
            #expect(member.role == .member)

            let staff = try await server.listUsers(token: world.adminToken).users
            #expect(staff.map(\.name) == ["Alice Admin", "Ted Tech"])
            #expect(staff.map(\.role) == [.admin, .tech])

            let forged = await rpcError { try await server.listUsers(pageToken: "forged", token: world.adminToken) }
            #expect(forged?.code == .invalidArgument)
        }
    }

    @Test func ownersListOnlyTheirOwnCompany() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let ownerEmail = freshEmail("owner")
            _ = try await server.inviteOwner(client: world.clientID, name: "Olivia Owner", email: ownerEmail, token: world.adminToken)
            let ownerToken = try await server.activate(ownerEmail)
            _ = try await server.inviteMember(name: "Max Member", email: freshEmail(), token: ownerToken)
            let otherClient = try await server.fixtures.client(in: world.tenantID, name: "Initech")
            _ = try await server.inviteOwner(client: otherClient, name: "Other Owner", email: freshEmail(), token: world.adminToken)

            let own = try await server.listUsers(token: ownerToken).users.map(\.name)
            #expect(own == ["Max Member", "Olivia Owner"])
            #expect(try await server.listUsers(client: world.clientID.uuidString, token: ownerToken).users.map(\.name) == own)
            let other = await rpcError { try await server.listUsers(client: otherClient.uuidString, token: ownerToken) }
            #expect(other?.code == .notFound)
            #expect(other?.message == "client not found")
        }
    }
}
