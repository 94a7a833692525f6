import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Every method of every service, called as every role and with no token: the call
/// gets past the access check exactly when the generated access table says so.
/// Driven by the generated registry, so it grows by itself as methods are added.
@Suite struct RoleMatrixTests {
    static let roles: [Portico_V1_Role?] = [nil, .operator, .admin, .tech, .owner, .member]

    static var methods: [MethodDescriptor] {
        PorticoAPIRegistry.services.flatMap { $0.methods.map(\.descriptor) }
    }

    @Test func everyMethodHasAnAccessRule() {
        #expect(Self.methods.count >= 10)
        for method in Self.methods {
            #expect(PorticoAPIRegistry.access[method] != nil, "\(method) has no access rule")
        }
    }

    @Test(arguments: roles)
    func callsPassTheAccessCheckExactlyAsTheTableSays(role: Portico_V1_Role?) async throws {
        try await withTestServer { server in
            var email: String?
            if let role { email = try await server.fixtures.member(role).email }
            for method in Self.methods {
                // A fresh session per call: Logout and SwitchMembership end theirs.
                var metadata: Metadata = [:]
                if let email { metadata = bearer(try await server.signIn(email: email)) }
                let status = try await server.client.rawCall(method, metadata: metadata)
                let principal = role.map { AccessPolicyTests.principal($0) }
                let decision = AccessPolicy.decide(rule: PorticoAPIRegistry.access[method], principal: principal)
                switch decision {
                case .allowed:
                    // Past the check, and served: every method the schema declares is
                    // implemented by a registered service.
                    #expect(status != .permissionDenied && status != .unauthenticated && status != .unimplemented,
                            "\(method) as \(String(describing: role)): \(String(describing: status))")
                case .unauthenticated:
                    #expect(status == .unauthenticated, "\(method) as \(String(describing: role))")
                case .permissionDenied:
                    #expect(status == .permissionDenied, "\(method) as \(String(describing: role))")
                case .passwordChangeRequired:
                    Issue.record("fixtures sign in with permanent passwords")
                }
            }
        }
    }
}

@Suite struct PasswordChangeGateTests {
    /// Schema/README.md rule 4: with a temporary password, every method except the marked
    /// ones (ChangePassword, WhoAmI, Logout) fails with FAILED_PRECONDITION.
    @Test func temporaryPasswordSessionsReachOnlyTheMarkedMethods() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.operator, temporaryFor: .seconds(3600))
            for method in RoleMatrixTests.methods {
                let token = try await server.signIn(email: user.email)
                let status = try await server.client.rawCall(method, metadata: bearer(token))
                let rule = try #require(PorticoAPIRegistry.access[method])
                if rule.public || rule.allowedBeforePasswordChange {
                    #expect(status != .failedPrecondition, "\(method)")
                } else {
                    #expect(status == .failedPrecondition, "\(method)")
                }
            }
        }
    }
}

