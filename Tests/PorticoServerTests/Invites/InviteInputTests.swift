import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

extension InviteServerTests {
    /// Bad input is a clear error and writes nothing (Schema/README.md, error contract).
    @Suite struct InviteInputTests {
        static let malformedEmails = [
            "", "   ", "no-at-sign", "two@@example.com", "a@b@example.com", "spaces in@example.com",
            "name@localhost", "name@example.", "@example.com", "name@", "line\nbreak@example.com",
            String(repeating: "x", count: 10_000) + "@example.com",
        ]

        @Test func malformedEmailsAreRefusedNamingTheFieldAndWriteNothing() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let before = try await server.rowCounts()
                for email in Self.malformedEmails {
                    let owner = await rpcError {
                        try await server.inviteOwner(client: world.clientID, name: "Olivia", email: email, token: world.adminToken)
                    }
                    #expect(owner?.code == .invalidArgument)
                    #expect(owner?.message.hasPrefix("invitee.email: ") == true, "\(owner?.message ?? "") for \(email)")
                    let tech = await rpcError { try await server.inviteTech(name: "Ted", email: email, token: world.adminToken) }
                    #expect(tech?.code == .invalidArgument)
                    #expect(tech?.message == owner?.message)
                }
                #expect(try await server.rowCounts() == before)
            }
        }

        @Test func theMessagesSayWhatIsWrong() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let cases: [(name: String, email: String, message: String)] = [
                    ("Olivia", "", "invitee.email: must not be empty"),
                    ("Olivia", "olivia@example", "invitee.email: must be an email address like name@example.com"),
                    ("Olivia", "oli via@example.com", "invitee.email: must not contain spaces or control characters"),
                    ("Olivia", String(repeating: "o", count: 65) + "@example.com", "invitee.email: the part before @ must be at most 64 characters"),
                    ("", "olivia@example.com", "invitee.name: must not be empty"),
                    ("  \n ", "olivia@example.com", "invitee.name: must not be empty"),
                    (String(repeating: "n", count: 10_000), "olivia@example.com", "invitee.name: must be at most 200 characters"),
                    (String(repeating: "n", count: 201), "olivia@example.com", "invitee.name: must be at most 200 characters"),
                    ("Olivia\r\nBcc: someone@example.com", "olivia@example.com", "invitee.name: must not contain control characters or line breaks"),
                ]
                let before = try await server.rowCounts()
                for item in cases {
                    let error = await rpcError {
                        try await server.inviteOwner(client: world.clientID, name: item.name, email: item.email, token: world.adminToken)
                    }
                    #expect(error?.code == .invalidArgument)
                    #expect(error?.message == item.message)
                }
                #expect(try await server.rowCounts() == before)
                // 200 characters is the bound, not past it.
                let longest = try await server.inviteTech(name: String(repeating: "n", count: 200), email: freshEmail(), token: world.adminToken)
                #expect(longest.user.name.count == 200)
            }
        }

        @Test func unknownAndOtherTenantsClientsAreNotFound() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let otherTenant = try await server.fixtures.tenant()
                let otherClient = try await server.fixtures.client(in: otherTenant, name: "Hidden Co")
                let before = try await server.rowCounts()
                for client in [UUID(), otherClient] {
                    let error = await rpcError {
                        try await server.inviteOwner(client: client, name: "Olivia", email: freshEmail(), token: world.adminToken)
                    }
                    #expect(error?.code == .notFound)
                    #expect(error?.message == "client not found")
                    let list = await rpcError { try await server.listUsers(client: client.uuidString, token: world.adminToken) }
                    #expect(list?.code == .notFound)
                    #expect(list?.message == "client not found")
                }
                var request = Portico_V1_InviteOwnerRequest()
                request.clientId = "not-a-uuid"
                request.invitee.name = "Olivia"
                request.invitee.email = freshEmail()
                let malformed = await rpcError { try await server.invites.inviteOwner(request, metadata: bearer(world.adminToken)) }
                #expect(malformed?.code == .invalidArgument)
                #expect(malformed?.message == "client_id: must be a client id")
                request.clientId = ""
                let empty = await rpcError { try await server.invites.inviteOwner(request, metadata: bearer(world.adminToken)) }
                #expect(empty?.message == "client_id: must not be empty")
                #expect(try await server.rowCounts() == before)
            }
        }

        @Test func membershipIDsMustBeUUIDs() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                for id in ["", "42", "'; DROP TABLE portico.memberships; --"] {
                    let resend = await rpcError { try await server.resendInvite(id, token: world.adminToken) }
                    #expect(resend?.code == .invalidArgument)
                    #expect(resend?.message.hasPrefix("membership_id: ") == true)
                    let remove = await rpcError { try await server.removeUser(id, token: world.adminToken) }
                    #expect(remove?.code == .invalidArgument)
                }
                let unknown = UUID().uuidString
                #expect(await rpcError { try await server.resendInvite(unknown, token: world.adminToken) }?.code == .notFound)
                #expect(await rpcError { try await server.removeUser(unknown, token: world.adminToken) }?.message == "user not found")
            }
        }

        /// Members (and techs) may call no invite RPC; owners only theirs; admins not
        /// InviteMember. Each refusal writes nothing.
        @Test(arguments: [Portico_V1_Role.member, .tech])
        func rolesWithoutInviteRightsAreDeniedEveryInviteRPC(role: Portico_V1_Role) async throws {
            try await withTestServer { server in
                let caller = try await server.fixtures.member(role)
                let token = try await server.signIn(email: caller.email)
                let anyID = UUID().uuidString
                let calls: [@Sendable () async throws -> Any] = [
                    { try await server.inviteOwner(client: UUID(), name: "O", email: freshEmail(), token: token) },
                    { try await server.inviteTech(name: "T", email: freshEmail(), token: token) },
                    { try await server.inviteMember(name: "M", email: freshEmail(), token: token) },
                    { try await server.resendInvite(anyID, token: token) },
                    { try await server.listUsers(token: token) },
                    { try await server.removeUser(anyID, token: token) },
                    { try await server.inviteQuota(token: token) },
                ]
                let before = try await server.rowCounts()
                for call in calls {
                    let error = await rpcError(of: call)
                    #expect(error?.code == .permissionDenied)
                    #expect(error?.message == "your role may not call this method")
                }
                #expect(try await server.rowCounts() == before)
            }
        }

        @Test func ownersMayNotInviteOwnersOrTechsAndAdminsMayNotInviteMembers() async throws {
            try await withTestServer { server in
                let owner = try await server.fixtures.member(.owner)
                let ownerToken = try await server.signIn(email: owner.email)
                let world = try await server.adminWorld()
                let before = try await server.rowCounts()
                #expect(await statusCode { try await server.inviteOwner(client: world.clientID, name: "O", email: freshEmail(), token: ownerToken) } == .permissionDenied)
                #expect(await statusCode { try await server.inviteTech(name: "T", email: freshEmail(), token: ownerToken) } == .permissionDenied)
                #expect(await statusCode { try await server.inviteQuota(token: ownerToken) } == .permissionDenied)
                #expect(await statusCode { try await server.inviteMember(name: "M", email: freshEmail(), token: world.adminToken) } == .permissionDenied)
                #expect(try await server.rowCounts() == before)
            }
        }
    }
}
