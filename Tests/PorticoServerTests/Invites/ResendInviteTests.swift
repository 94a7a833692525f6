import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ResendInviteTests {
    @Test func aResentInviteKillsTheOldTemporaryPasswordAndItsSessions() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let email = freshEmail("owner")
            let invited = try await server.inviteOwner(client: world.clientID, name: "Olivia Owner", email: email, token: world.adminToken)
            let oldPassword = try await server.latestTemporaryPassword(to: email)
            let oldSession = try await server.signIn(email: email, password: oldPassword)

            let resent = try await server.resendInvite(invited.user.membershipId, token: world.adminToken)
            #expect(resent.user.membershipId == invited.user.membershipId)
            #expect(resent.user.status == .invited)
            #expect(resent.quota.used == 2)

            let mails = try await server.queuedMails(to: email)
            #expect(mails.map(\.kind) == ["invite", "invite-resend"])
            let mail = try #require(mails.last)
            #expect(mail.subject == "Your new temporary password for the \(world.tenantName) client portal")
            #expect(mail.body.contains("Alice Admin of \(world.tenantName) has sent you a new temporary password"))
            #expect(mail.body.contains("The temporary password you were sent before no longer works."))
            #expect(mail.body.contains("Temporary password: {{secret}}"))
            let newPassword = try await server.latestTemporaryPassword(to: email)
            let delivered = try server.mailSpool.messages(to: email)
            #expect(delivered.count == 2)
            #expect(delivered.last?.body.contains("Temporary password: \(newPassword)") == true)
            #expect(newPassword != oldPassword)

            #expect(await statusCode { try await server.whoAmI(oldSession) } == .unauthenticated)
            let stale = await rpcError { try await server.login(email: email, password: oldPassword) }
            #expect(stale?.code == .unauthenticated)
            #expect(stale?.message == "email or password is incorrect")
            let fresh = try await server.login(email: email, password: newPassword)
            #expect(fresh.session.passwordChangeRequired)
        }
    }

    @Test func anActiveUserCannotBeSentATemporaryPassword() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let email = freshEmail("owner")
            let invited = try await server.inviteOwner(client: world.clientID, name: "Olivia", email: email, token: world.adminToken)
            _ = try await server.activate(email)
            let before = try await server.rowCounts()
            let error = await rpcError { try await server.resendInvite(invited.user.membershipId, token: world.adminToken) }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.message == "the user has already set their own password")
            #expect(try await server.rowCounts() == before)
        }
    }

    @Test func anOwnerResendsOnlyToTheirOwnMembers() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let ownerEmail = freshEmail("owner")
            _ = try await server.inviteOwner(client: world.clientID, name: "Olivia", email: ownerEmail, token: world.adminToken)
            let ownerToken = try await server.activate(ownerEmail)
            let member = try await server.inviteMember(name: "Max", email: freshEmail("member"), token: ownerToken)
            let resent = try await server.resendInvite(member.user.membershipId, token: ownerToken)
            #expect(resent.user.invitedByName == "Olivia")
            let resendMail = try #require(try await server.queuedMails(to: member.user.email).last)
            #expect(resendMail.body.contains("Olivia of Globex Corp has sent you a new temporary password"))

            let tech = try await server.inviteTech(name: "Ted", email: freshEmail("tech"), token: world.adminToken)
            let otherClient = try await server.fixtures.client(in: world.tenantID, name: "Initech")
            let otherOwner = try await server.inviteOwner(client: otherClient, name: "Other", email: freshEmail(), token: world.adminToken)
            let before = try await server.rowCounts()
            for id in [tech.user.membershipId, otherOwner.user.membershipId] {
                let error = await rpcError { try await server.resendInvite(id, token: ownerToken) }
                #expect(error?.code == .notFound)
                #expect(error?.message == "user not found")
            }
            #expect(try await server.rowCounts() == before)
        }
    }
}
