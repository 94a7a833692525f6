import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Sign-in, sessions and passwords over real gRPC on a real database
/// (Schema/README.md rules 4, 11 and 15).
@Suite struct AuthServiceTests {
    @Test func loginAnswersWithTokenPrincipalAndMemberships() async throws {
        try await withTestServer { server in
            let admin = try await server.fixtures.member(.admin)
            let response = try await server.login(email: admin.email.uppercased())
            #expect(response.session.token.hasPrefix("pt_"))
            #expect(!response.session.passwordChangeRequired)
            let lifetime = response.session.expiresAt.date.timeIntervalSinceNow
            #expect(lifetime > 12 * 3600 - 60 && lifetime <= 12 * 3600)
            #expect(response.principal.email == admin.email)
            #expect(response.principal.userId == admin.user.uuidString.lowercased())
            #expect(response.principal.membership.role == .admin)
            #expect(response.principal.membership.tenantId == admin.tenant?.uuidString.lowercased())
            #expect(response.memberships.count == 1)

            let whoAmI = try await server.whoAmI(response.session.token)
            #expect(whoAmI.principal == response.principal)
            #expect(whoAmI.session.token.isEmpty)
            #expect(whoAmI.session.expiresAt == response.session.expiresAt)
        }
    }

    @Test func unknownEmailAndWrongPasswordFailTheSameWay() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.tech)
            let wrongPassword = await rpcError { try await server.login(email: user.email, password: "not the password at all") }
            let unknownEmail = await rpcError { try await server.login(email: "nobody@example.com", password: "not the password at all") }
            #expect(wrongPassword?.code == .unauthenticated)
            #expect(wrongPassword?.message == "email or password is incorrect")
            #expect(unknownEmail?.code == wrongPassword?.code)
            #expect(unknownEmail?.message == wrongPassword?.message)
        }
    }

    /// An unknown email must cost a password hash too, or response times would tell
    /// which emails have logins. Noise (other tests, other processes) only ever adds
    /// time, so the fastest of a few tries is compared with the fastest hash: without
    /// the decoy hash an unknown email answers in a few milliseconds, far below it.
    @Test func unknownEmailsCostAsMuchAsAPasswordCheck() async throws {
        try await withTestServer(configure: { $0.passwordHashCost = 14 }) { server in
            let clock = ContinuousClock()
            let hasher = PasswordHasher(cost: 14)
            let stored = try await hasher.hash("some password here")
            var fastestHash = Duration.seconds(3600)
            var fastestUnknown = Duration.seconds(3600)
            for index in 0..<3 {
                fastestHash = min(fastestHash, try await clock.measure { _ = try await hasher.verify("a wrong guess", against: stored) })
                fastestUnknown = min(fastestUnknown, await clock.measure {
                    _ = await statusCode { try await server.login(email: "nobody-\(index)@example.com", password: "a wrong guess") }
                })
            }
            #expect(fastestUnknown >= fastestHash / 2, "unknown email \(fastestUnknown), one hash \(fastestHash)")
        }
    }

    @Test func callsWithoutAValidSessionAreUnauthenticated() async throws {
        try await withTestServer { server in
            #expect(await statusCode { try await server.auth.whoAmI(Portico_V1_WhoAmIRequest()) } == .unauthenticated)
            #expect(await statusCode { try await server.whoAmI("pt_not-a-real-token") } == .unauthenticated)
            let wrongScheme: Metadata = ["authorization": "Basic b3BlcmF0b3I6cGFzc3dvcmQ="]
            #expect(await statusCode { try await server.auth.whoAmI(Portico_V1_WhoAmIRequest(), metadata: wrongScheme) } == .unauthenticated)
        }
    }

    @Test func expiredSessionsFailAtOnce() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin)
            let token = try await server.signIn(email: user.email)
            _ = try await server.whoAmI(token)
            try await server.fixtures.execute(
                "UPDATE portico.sessions SET expires_at = now() - interval '1 second' WHERE user_id = \(user.user)"
            )
            #expect(await statusCode { try await server.whoAmI(token) } == .unauthenticated)
        }
    }

    @Test func logoutEndsOnlyThatSession() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.owner)
            let first = try await server.signIn(email: user.email)
            let second = try await server.signIn(email: user.email)
            _ = try await server.auth.logout(Portico_V1_LogoutRequest(), metadata: bearer(first))
            #expect(await statusCode { try await server.whoAmI(first) } == .unauthenticated)
            #expect(try await server.whoAmI(second).principal.email == user.email)
        }
    }

    @Test func loginValidatesItsInput() async throws {
        try await withTestServer { server in
            let empty = await rpcError { try await server.login(email: "  ", password: "whatever it is") }
            #expect(empty?.code == .invalidArgument)
            #expect(empty?.message == "email: must not be empty")
            let noPassword = await rpcError { try await server.login(email: "a@example.com", password: "") }
            #expect(noPassword?.message == "password: must not be empty")
            let badTenant = await rpcError { try await server.login(email: "a@example.com", password: "whatever it is", tenantID: "nope") }
            #expect(badTenant?.code == .invalidArgument)
            #expect(badTenant?.message == "tenant_id: must be a UUID")
        }
    }
}
