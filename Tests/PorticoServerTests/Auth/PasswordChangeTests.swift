import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct PasswordChangeTests {
    func changePassword(_ server: TestServer, token: String, current: String = "", new: String) async throws -> Portico_V1_ChangePasswordResponse {
        var request = Portico_V1_ChangePasswordRequest()
        request.currentPassword = current
        request.newPassword = new
        return try await server.auth.changePassword(request, metadata: bearer(token))
    }

    /// Rule 4: the first sign-in with a temporary password works, but only
    /// ChangePassword, WhoAmI and Logout do until the password is changed.
    @Test func aTemporaryPasswordMustBeChangedFirst() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.operator, temporaryFor: .seconds(72 * 3600))
            let login = try await server.login(email: user.email)
            let token = login.session.token
            #expect(login.session.passwordChangeRequired)
            #expect(try await server.whoAmI(token).session.passwordChangeRequired)
            let blocked = await rpcError { try await server.operators.listTenants(Portico_V1_ListTenantsRequest(), metadata: bearer(token)) }
            #expect(blocked?.code == .failedPrecondition)
            #expect(blocked?.message == "the temporary password must be changed first (Auth/ChangePassword)")

            // The forced change needs no current password.
            let changed = try await changePassword(server, token: token, new: "my own new password")
            #expect(!changed.session.passwordChangeRequired)
            #expect(try await !server.whoAmI(token).session.passwordChangeRequired)
            _ = try await server.operators.listTenants(Portico_V1_ListTenantsRequest(), metadata: bearer(token))
            #expect(await statusCode { try await server.login(email: user.email) } == .unauthenticated)
            #expect(try await !server.login(email: user.email, password: "my own new password").session.passwordChangeRequired)
        }
    }

    @Test func anExpiredTemporaryPasswordNoLongerSignsIn() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin, temporaryFor: .seconds(-1))
            let error = await rpcError { try await server.login(email: user.email) }
            #expect(error?.code == .unauthenticated)
            #expect(error?.message == "the temporary password has expired; ask for a new invite")
        }
    }

    @Test func changingThePasswordEndsEveryOtherSession() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin)
            let kept = try await server.signIn(email: user.email)
            let other = try await server.signIn(email: user.email)
            _ = try await changePassword(server, token: kept, current: Fixtures.password, new: "a brand new password")
            #expect(await statusCode { try await server.whoAmI(other) } == .unauthenticated)
            #expect(try await server.whoAmI(kept).principal.email == user.email)
            #expect(await statusCode { try await server.login(email: user.email) } == .unauthenticated)
            _ = try await server.signIn(email: user.email, password: "a brand new password")
        }
    }

    @Test func aNormalChangeNeedsTheRightCurrentPassword() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.tech)
            let token = try await server.signIn(email: user.email)
            let missing = await rpcError { try await changePassword(server, token: token, new: "a brand new password") }
            #expect(missing?.code == .invalidArgument)
            #expect(missing?.message == "current_password: is required")
            let wrong = await rpcError { try await changePassword(server, token: token, current: "not my password", new: "a brand new password") }
            #expect(wrong?.code == .permissionDenied)
            #expect(wrong?.message == "current_password: is incorrect")
            let short = await rpcError { try await changePassword(server, token: token, current: Fixtures.password, new: "too short") }
            #expect(short?.code == .invalidArgument)
            #expect(short?.message == "new_password: must be at least 12 characters")
            let same = await rpcError { try await changePassword(server, token: token, current: Fixtures.password, new: Fixtures.password) }
            #expect(same?.message == "new_password: must differ from the current password")
            // Nothing above changed anything.
            _ = try await server.signIn(email: user.email)
        }
    }
}

@Suite struct LoginThrottleTests {
    @Test func theSixthAttemptIsRefusedEvenWithTheRightPassword() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin)
            for _ in 0..<5 {
                #expect(await statusCode { try await server.login(email: user.email, password: "wrong password guess") } == .unauthenticated)
            }
            let locked = await rpcError { try await server.login(email: user.email) }
            #expect(locked?.code == .resourceExhausted)
            #expect(locked?.message.hasPrefix("too many sign-in attempts for this email; try again after ") == true)
        }
    }

    @Test func unknownEmailsAreThrottledTheSameWay() async throws {
        try await withTestServer { server in
            for _ in 0..<5 {
                #expect(await statusCode { try await server.login(email: "ghost@example.com", password: "wrong password guess") } == .unauthenticated)
            }
            #expect(await statusCode { try await server.login(email: "GHOST@example.com", password: "wrong password guess") } == .resourceExhausted)
        }
    }

    @Test func aSuccessResetsTheCountAndALockRunsOut() async throws {
        try await withTestServer(configure: { $0.auth.throttle = LoginThrottlePolicy(maximumAttempts: 2, window: .seconds(60), lockout: .seconds(4)) }) { server in
            let user = try await server.fixtures.member(.admin)
            _ = await statusCode { try await server.login(email: user.email, password: "wrong password guess") }
            _ = try await server.signIn(email: user.email)
            _ = await statusCode { try await server.login(email: user.email, password: "wrong password guess") }
            _ = try await server.signIn(email: user.email)
            for _ in 0..<2 { _ = await statusCode { try await server.login(email: user.email, password: "wrong password guess") } }
            // The lock must still hold when checked: long enough for a slow call on a
            // loaded machine, short enough to wait out.
            #expect(await statusCode { try await server.signIn(email: user.email) } == .resourceExhausted)
            try await Task.sleep(for: .milliseconds(4100))
            _ = try await server.signIn(email: user.email)
        }
    }

    /// Attempts are counted before the slow hash, atomically: a burst of parallel
    /// guesses gets exactly the allowed number of tries.
    @Test func parallelGuessesGetExactlyTheAllowedTries() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin)
            let codes = await withTaskGroup(of: RPCError.Code?.self) { group in
                for _ in 0..<20 {
                    group.addTask { await statusCode { try await server.login(email: user.email, password: "wrong password guess") } }
                }
                return await group.reduce(into: [RPCError.Code?]()) { $0.append($1) }
            }
            #expect(codes.filter { $0 == .unauthenticated }.count == 5)
            #expect(codes.filter { $0 == .resourceExhausted }.count == 15)
        }
    }
}

@Suite struct MembershipTests {
    /// Rule 11: one login, several tenants; Login picks one, SwitchMembership moves.
    @Test func oneLoginSwitchesBetweenItsTenants() async throws {
        try await withTestServer { server in
            let fixtures = server.fixtures
            let user = try await fixtures.user()
            let first = try await fixtures.tenant("Alpha Heating")
            let second = try await fixtures.tenant("Beta Electric")
            let client = try await fixtures.client(in: second, name: "Gamma Property")
            try await fixtures.membership(user: user.id, tenant: first, role: .admin)
            let ownerMembership = try await fixtures.membership(user: user.id, tenant: second, role: .owner, client: client)

            let login = try await server.login(email: user.email)
            #expect(login.memberships.map(\.tenantName) == ["Alpha Heating", "Beta Electric"])
            #expect(login.principal.membership.tenantName == "Alpha Heating")
            let chosen = try await server.login(email: user.email, tenantID: second.uuidString)
            #expect(chosen.principal.membership.role == .owner)
            #expect(chosen.principal.membership.clientName == "Gamma Property")

            var request = Portico_V1_SwitchMembershipRequest()
            request.membershipId = ownerMembership.uuidString
            let switched = try await server.auth.switchMembership(request, metadata: bearer(login.session.token))
            #expect(switched.principal.membership.id == ownerMembership.uuidString.lowercased())
            #expect(switched.principal.membership.clientId == client.uuidString.lowercased())
            #expect(try await server.whoAmI(switched.session.token).principal.membership.role == .owner)
            #expect(await statusCode { try await server.whoAmI(login.session.token) } == .unauthenticated)

            request.membershipId = UUID().uuidString
            #expect(await statusCode { try await server.auth.switchMembership(request, metadata: bearer(switched.session.token)) } == .notFound)
            let elsewhere = await statusCode { try await server.login(email: user.email, tenantID: UUID().uuidString) }
            #expect(elsewhere == .notFound)
        }
    }

    /// Removing a membership ends its sessions at once (rule 8's database half).
    @Test func removingTheMembershipEndsItsSessions() async throws {
        try await withTestServer { server in
            let admin = try await server.fixtures.member(.admin)
            let token = try await server.signIn(email: admin.email)
            try await server.fixtures.execute("DELETE FROM portico.memberships WHERE user_id = \(admin.user)")
            #expect(await statusCode { try await server.whoAmI(token) } == .unauthenticated)
        }
    }
}
