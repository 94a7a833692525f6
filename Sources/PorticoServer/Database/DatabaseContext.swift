public import struct Foundation.UUID
import PostgresNIO

/// Whose call this is, as far as the database's policies are concerned. Every field
/// left nil is set to the empty string, which the policies read as "nothing".
public struct DatabaseContext: Sendable, Hashable {
    public var tenantID: UUID?
    public var userID: UUID?
    public var role: DatabaseRole?
    public var clientID: UUID?

    public init(
        tenantID: UUID? = nil,
        userID: UUID? = nil,
        role: DatabaseRole? = nil,
        clientID: UUID? = nil
    ) {
        self.tenantID = tenantID
        self.userID = userID
        self.role = role
        self.clientID = clientID
    }

    /// No tenant, no user, no role: every policy-guarded table looks empty.
    public static let none = DatabaseContext()

    /// One statement setting all four settings for the current transaction only
    /// (`is_local = true`), so they vanish at COMMIT or ROLLBACK and a pooled
    /// connection never carries one call's context into the next.
    var settingQuery: PostgresQuery {
        let tenant = tenantID?.uuidString ?? ""
        let user = userID?.uuidString ?? ""
        let role = role?.rawValue ?? ""
        let client = clientID?.uuidString ?? ""
        return """
            SELECT set_config('portico.tenant_id', \(tenant), true),
                   set_config('portico.user_id', \(user), true),
                   set_config('portico.role', \(role), true),
                   set_config('portico.client_id', \(client), true)
            """
    }
}
