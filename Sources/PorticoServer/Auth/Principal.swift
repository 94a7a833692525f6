public import Foundation
public import PorticoAPI

/// Who is calling: the session the bearer token belongs to, resolved by the
/// authentication interceptor before any handler runs.
public struct Principal: Sendable, Equatable {
    public var sessionID: UUID
    public var userID: UUID
    public var email: String
    public var displayName: String
    public var role: Portico_V1_Role
    /// The tenant membership (or, for operators, the operator row) the session acts as.
    public var membershipID: UUID
    public var tenantID: UUID?
    public var tenantName: String?
    public var clientID: UUID?
    public var clientName: String?
    public var expiresAt: Date
    public var passwordChangeRequired: Bool

    public init(
        sessionID: UUID, userID: UUID, email: String, displayName: String,
        role: Portico_V1_Role, membershipID: UUID, tenantID: UUID?, tenantName: String?,
        clientID: UUID?, clientName: String?, expiresAt: Date, passwordChangeRequired: Bool
    ) {
        self.sessionID = sessionID
        self.userID = userID
        self.email = email
        self.displayName = displayName
        self.role = role
        self.membershipID = membershipID
        self.tenantID = tenantID
        self.tenantName = tenantName
        self.clientID = clientID
        self.clientName = clientName
        self.expiresAt = expiresAt
        self.passwordChangeRequired = passwordChangeRequired
    }
}

/// The per-call state interceptors hand to handlers. Task-local, because GRPCCore's
/// `ServerContext` has no room for application data; the interceptors re-bind it
/// around streaming response bodies, which run after `next` returns.
public struct CallContext: Sendable {
    /// Correlates the call's log lines; sent back as `x-request-id`.
    public var requestID: String
    /// Nil for public methods called without a token.
    public var principal: Principal?

    @TaskLocal public static var current = CallContext(requestID: "-", principal: nil)

    public init(requestID: String, principal: Principal?) {
        self.requestID = requestID
        self.principal = principal
    }

    /// The signed-in principal; handlers of non-public methods can rely on it, because
    /// the access interceptor has already refused calls without one.
    public static func requirePrincipal() throws(PorticoError) -> Principal {
        guard let principal = current.principal else { throw PorticoError.unauthenticated }
        return principal
    }
}

extension Principal {
    /// The tenant a tenant-scoped call acts in. The access rules let only tenant roles
    /// reach such calls; an operator arriving anyway is refused, never given a tenant.
    func requireTenantID() throws(PorticoError) -> UUID {
        guard let tenantID else { throw .permissionDenied }
        return tenantID
    }
}
