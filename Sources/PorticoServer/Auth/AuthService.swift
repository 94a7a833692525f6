import Foundation
import GRPCCore
import Logging
import PorticoAPI
import ProtoWire

/// `portico.v1.Auth`: sign-in, sessions and passwords (Schema/README.md rules 4, 11, 15).
struct AuthService: Portico_V1_Auth.SimpleServiceProtocol {
    let store: AuthStore
    let throttle: LoginThrottle
    let hasher: PasswordHasher
    let settings: AuthSettings
    /// A hash of a random password at the configured cost. Sign-in with an unknown
    /// email verifies against it, so it takes as long as a wrong password would.
    let decoyHash: String

    init(database: Database, hasher: PasswordHasher, settings: AuthSettings) async throws {
        self.store = AuthStore(database: database)
        self.throttle = LoginThrottle(store: store, policy: settings.throttle)
        self.hasher = hasher
        self.settings = settings
        self.decoyHash = try await hasher.hash(SessionToken.generate().value)
    }

    func whoAmI(request: Portico_V1_WhoAmIRequest, context: ServerContext) async throws -> Portico_V1_WhoAmIResponse {
        let principal = try CallContext.requirePrincipal()
        var response = Portico_V1_WhoAmIResponse()
        response.principal = Portico_V1_Principal(principal)
        response.session = Portico_V1_Session(
            token: nil, expiresAt: principal.expiresAt,
            passwordChangeRequired: principal.passwordChangeRequired
        )
        return response
    }

    func logout(request: Portico_V1_LogoutRequest, context: ServerContext) async throws -> Portico_V1_LogoutResponse {
        let principal = try CallContext.requirePrincipal()
        try await store.deleteSession(principal.sessionID, userID: principal.userID)
        return Portico_V1_LogoutResponse()
    }

    func switchMembership(
        request: Portico_V1_SwitchMembershipRequest, context: ServerContext
    ) async throws -> Portico_V1_LoginResponse {
        let principal = try CallContext.requirePrincipal()
        let memberships = try await store.memberships(ofUser: principal.userID)
        let targetID = UUID(uuidString: request.membershipId)
        guard let target = memberships.first(where: { $0.id == targetID }) else {
            throw PorticoError.notFound("membership")
        }
        let response = try await openSession(
            userID: principal.userID, membership: target, memberships: memberships,
            passwordChangeRequired: principal.passwordChangeRequired
        )
        try await store.deleteSession(principal.sessionID, userID: principal.userID)
        return response
    }

    /// Creates a session for `membership` and answers with its token and principal.
    func openSession(
        userID: UUID, membership: MembershipRow, memberships: [MembershipRow],
        passwordChangeRequired: Bool
    ) async throws -> Portico_V1_LoginResponse {
        let token = SessionToken.generate()
        _ = try await store.createSession(
            tokenHash: token.hash, userID: userID, membership: membership,
            passwordChangeRequired: passwordChangeRequired, lifetime: settings.sessionLifetime
        )
        // Read back through the same lookup every call uses, so Login answers with
        // exactly the principal later calls will see.
        guard let principal = try await store.principal(forTokenHash: token.hash) else {
            throw PorticoError.internalError
        }
        var response = Portico_V1_LoginResponse()
        response.session = Portico_V1_Session(
            token: token.value, expiresAt: principal.expiresAt,
            passwordChangeRequired: principal.passwordChangeRequired
        )
        response.principal = Portico_V1_Principal(principal)
        response.memberships = memberships.map(Portico_V1_Membership.init)
        return response
    }
}
