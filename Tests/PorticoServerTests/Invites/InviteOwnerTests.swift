import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

extension InviteServerTests {
    @Suite struct InviteOwnerTests {
        @Test func anAdminInvitesAClientsOwnerWhoSignsInWithTheEmailedPassword() async throws {
            try await withTestServer(configure: { $0.invites.portalURL = "https://portal.example.test" }) { server in
                let world = try await server.adminWorld()
                let before = Date()
                let response = try await server.inviteOwner(
                    client: world.clientID, name: "  Olivia Owner ", email: " Olivia@Example.COM ", token: world.adminToken
                )
                let user = response.user
                #expect(user.name == "Olivia Owner")
                #expect(user.email == "olivia@example.com")
                #expect(user.role == .owner)
                #expect(user.clientId == world.clientID.uuidString.lowercased())
                #expect(user.status == .invited)
                #expect(user.invitedByName == "Alice Admin")
                #expect(abs(user.invitedAt.date.timeIntervalSince(before)) < 60)
                let expiry = user.temporaryPasswordExpiresAt.date.timeIntervalSince(before)
                #expect(expiry > 72 * 3600 - 60 && expiry < 72 * 3600 + 60)
                #expect(response.quota.used == 1)
                #expect(response.quota.limit == 50)
                #expect(!response.quota.hasNextFreeAt)

                let mails = try await server.queuedMails(to: "olivia@example.com")
                #expect(mails.count == 1)
                let mail = try #require(mails.first)
                #expect(mail.kind == "invite")
                #expect(mail.recipientName == "Olivia Owner")
                #expect(mail.subject == "Your invitation to the \(world.tenantName) client portal")
                #expect(mail.body.contains("Hello Olivia Owner,"))
                #expect(mail.body.contains("Alice Admin of \(world.tenantName) has invited you to the \(world.tenantName) client portal, as the account owner for Globex Corp."))
                #expect(mail.body.contains("Portal:             https://portal.example.test"))
                #expect(mail.body.contains("Temporary password: {{secret}}"))
                #expect(mail.body.contains("The temporary password works until \(InviteLetter.format(user.temporaryPasswordExpiresAt.date))."))
                #expect(mail.body.contains("asked to choose your own password"))
                let password = try await server.latestTemporaryPassword(to: "olivia@example.com")
                #expect(!mail.body.contains(password))
                #expect(password.wholeMatch(of: /[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}/) != nil)
                let delivered = try await server.mailSpool.waitForMessage(to: "olivia@example.com")
                #expect(delivered.subject == mail.subject)
                #expect(delivered.body == mail.body.replacingOccurrences(of: "{{secret}}", with: password))

                let stored: String = try await server.fixtures.single(
                    "SELECT password_hash FROM portico.auth_users WHERE email = 'olivia@example.com'"
                )
                #expect(stored.hasPrefix("$scrypt$") && !stored.contains(password))

                let login = try await server.login(email: "olivia@example.com", password: password)
                #expect(login.session.passwordChangeRequired)
                #expect(login.principal.membership.role == .owner)
                #expect(login.principal.membership.clientName == "Globex Corp")
            }
        }

        @Test func aClientHasOneOwner() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                _ = try await server.inviteOwner(client: world.clientID, name: "First", email: freshEmail(), token: world.adminToken)
                let before = try await server.rowCounts()
                let second = await rpcError {
                    try await server.inviteOwner(client: world.clientID, name: "Second", email: freshEmail(), token: world.adminToken)
                }
                #expect(second?.code == .failedPrecondition)
                #expect(second?.message == "this client already has an owner")
                #expect(try await server.rowCounts() == before)
            }
        }

        @Test func twoOwnerInvitesAtTheSameMomentMakeOneOwner() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let outcomes = try await withThrowingTaskGroup(of: RPCError?.self) { group in
                    for index in 0..<6 {
                        group.addTask {
                            await rpcError {
                                try await server.inviteOwner(
                                    client: world.clientID, name: "Owner \(index)", email: freshEmail(), token: world.adminToken
                                )
                            }
                        }
                    }
                    return try await group.reduce(into: [RPCError?]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 == nil }.count == 1)
                #expect(outcomes.compactMap { $0 }.map(\.code) == Array(repeating: .failedPrecondition, count: 5))
                #expect(outcomes.compactMap { $0 }.allSatisfy { $0.message == "this client already has an owner" })
                let owners = try await server.count(
                    "SELECT count(*)::int8 FROM portico.memberships WHERE role = 'OWNER' AND client_id = \(world.clientID)"
                )
                #expect(owners == 1)
                #expect(try await server.rowCounts().outbox == 1)
                #expect(try await server.inviteQuota(token: world.adminToken).used == 1)
            }
        }

        /// The tenant's invite lock serializes the check before the insert, so the unique
        /// indexes are the last word only if that ever changes: their violations must
        /// still read as the product's answers.
        @Test func theUniqueIndexesViolationsMapToTheProductsAnswers() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let owner = try await server.fixtures.user()
                try await server.fixtures.membership(user: owner.id, tenant: world.tenantID, role: .owner, client: world.clientID)
                let second = try await server.fixtures.user()
                let ownerViolation = await databaseError {
                    try await server.fixtures.membership(user: second.id, tenant: world.tenantID, role: .owner, client: world.clientID)
                }
                let ownerError = try #require(ownerViolation)
                #expect(PostgresErrorMapping.rpcError(for: ownerError) == RPCError(UniqueConflict.ownerTaken))
                let emailViolation = await databaseError {
                    try await server.fixtures.membership(user: owner.id, tenant: world.tenantID, role: .tech)
                }
                let emailError = try #require(emailViolation)
                #expect(PostgresErrorMapping.rpcError(for: emailError) == RPCError(UniqueConflict.emailTaken))
            }
        }

        private func databaseError(_ body: () async throws -> Void) async -> (any Error)? {
            do {
                try await body()
                return nil
            } catch {
                return error
            }
        }

        @Test func aTechIsInvitedIntoTheTenantWithoutAClient() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let email = freshEmail("tech")
                let response = try await server.inviteTech(name: "Ted Tech", email: email, token: world.adminToken)
                #expect(response.user.role == .tech)
                #expect(response.user.clientId == "")
                #expect(response.user.status == .invited)
                let mail = try #require(try await server.queuedMails(to: email).first)
                #expect(mail.subject == "Your invitation to \(world.tenantName) on Portico")
                #expect(mail.body.contains("Alice Admin of \(world.tenantName) has invited you to \(world.tenantName) on Portico, as a technician."))
                let token = try await server.activate(email)
                #expect(try await server.whoAmI(token).principal.membership.role == .tech)
            }
        }

        @Test func anOwnerInvitesMembersIntoTheirOwnCompany() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let ownerEmail = freshEmail("owner")
                _ = try await server.inviteOwner(client: world.clientID, name: "Olivia Owner", email: ownerEmail, token: world.adminToken)
                let ownerToken = try await server.activate(ownerEmail)
                let memberEmail = freshEmail("member")
                let response = try await server.inviteMember(name: "Max Member", email: memberEmail, token: ownerToken)
                #expect(response.user.role == .member)
                #expect(response.user.clientId == world.clientID.uuidString.lowercased())
                #expect(response.user.invitedByName == "Olivia Owner")
                #expect(response.quota.used == 2)
                let mail = try #require(try await server.queuedMails(to: memberEmail).first)
                #expect(mail.body.contains("Olivia Owner of Globex Corp has invited you to the \(world.tenantName) client portal, as a member of the Globex Corp team."))
                let memberToken = try await server.activate(memberEmail)
                let principal = try await server.whoAmI(memberToken).principal
                #expect(principal.membership.role == .member)
                #expect(principal.membership.clientId == world.clientID.uuidString.lowercased())
            }
        }

        @Test func anEmailWithALoginElsewhereGetsAMembershipAndANoticeNotANewPassword() async throws {
            try await withTestServer { server in
                let elsewhere = try await server.fixtures.member(.owner)
                let hashBefore: String = try await server.fixtures.single(
                    "SELECT password_hash FROM portico.auth_users WHERE id = \(elsewhere.user)"
                )
                let world = try await server.adminWorld()
                let before = try await server.rowCounts()
                let response = try await server.inviteOwner(
                    client: world.clientID, name: "Fran Facility", email: elsewhere.email.uppercased(), token: world.adminToken
                )
                #expect(response.user.userId == elsewhere.user.uuidString.lowercased())
                #expect(response.user.status == .active)
                #expect(response.user.name == "Fran Facility")
                #expect(!response.user.hasTemporaryPasswordExpiresAt)
                let after = try await server.rowCounts()
                #expect(after == InviteRowCounts(
                    logins: before.logins, memberships: before.memberships + 1,
                    inviteEvents: before.inviteEvents + 1, outbox: before.outbox + 1
                ))
                let mail = try #require(try await server.queuedMails(to: elsewhere.email).first)
                #expect(mail.kind == "invite-notice")
                #expect(mail.secret == nil)
                #expect(!mail.body.contains("{{secret}}"))
                #expect(mail.subject == "You now have access to the \(world.tenantName) client portal")
                #expect(mail.body.contains("Alice Admin of \(world.tenantName) has given you access to the \(world.tenantName) client portal, as the account owner for Globex Corp."))
                #expect(mail.body.contains("sign in with the password you already use"))
                let hashAfter: String = try await server.fixtures.single(
                    "SELECT password_hash FROM portico.auth_users WHERE id = \(elsewhere.user)"
                )
                #expect(hashAfter == hashBefore)
                let login = try await server.login(email: elsewhere.email, tenantID: world.tenantID.uuidString)
                #expect(!login.session.passwordChangeRequired)
                #expect(login.memberships.count == 2)
                #expect(login.principal.membership.clientName == "Globex Corp")
            }
        }

        @Test func theSameEmailTwiceInOneTenantAlreadyExists() async throws {
            try await withTestServer { server in
                let world = try await server.adminWorld()
                let email = freshEmail("twice")
                _ = try await server.inviteTech(name: "Ted Tech", email: email, token: world.adminToken)
                let before = try await server.rowCounts()
                let otherClient = try await server.fixtures.client(in: world.tenantID, name: "Initech")
                for call in [
                    { try await server.inviteTech(name: "Ted Again", email: "  \(email.uppercased())", token: world.adminToken) },
                    { try await server.inviteOwner(client: otherClient, name: "Ted Owner", email: email, token: world.adminToken) },
                    { try await server.inviteTech(name: "Alice Again", email: world.adminEmail, token: world.adminToken) },
                ] as [@Sendable () async throws -> Portico_V1_InviteResponse] {
                    let error = await rpcError(of: call)
                    #expect(error?.code == .alreadyExists)
                    #expect(error?.message == "a user with this email already belongs to this tenant")
                }
                #expect(try await server.rowCounts() == before)
            }
        }
    }
}
