import Foundation
import PostgresNIO

/// The SQL behind `Operator`: runs with the operator's RLS context, which is the only
/// one the tenants table lets create or list every tenant.
struct OperatorStore: Sendable {
    let database: Database

    /// The select list of a `TenantRow`.
    static let tenantColumns = "id, name, created_at, invite_limit, sort_name"

    /// Rule 10's standard cap: invites per tenant per rolling 24 hours.
    static let defaultInviteLimit: Int32 = 50
    /// What `SetInviteLimit` accepts.
    static let inviteLimitRange: ClosedRange<Int32> = 1...100_000

    /// Lifts or restores one tenant's cap; invites already sent keep counting.
    func setInviteLimit(_ limit: Int32, tenantID: UUID, by principal: Principal) async throws -> TenantRow {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                UPDATE portico.tenants SET invite_limit = \(limit) WHERE id = \(tenantID)
                RETURNING \(unescaped: OperatorStore.tenantColumns)
                """
            )
            guard let row = rows.first else { throw PorticoError.notFound("tenant") }
            return try TenantRow(row: row)
        }
    }

    /// One page of `ListTenants`: tenants by `sort_name` (the lower-cased name) after
    /// the request's token.
    ///
    /// `sort_name` alone is the keyset: `tenants_name_key` makes it unique and yields the
    /// rows in page order from the token on (migration 0003). The token holds the key as
    /// PostgreSQL lower-cased it: Swift's lower-casing differs for some letters, and a
    /// token computed by it could skip or repeat a tenant. The first page starts after
    /// '', before every (non-empty) name.
    func list(_ request: PageRequest, by principal: Principal) async throws -> KeysetPage<TenantRow> {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                Self.pageQuery(afterName: request.after?.keys[0] ?? "", limit: request.fetchLimit)
            )
            return KeysetPage(fetched: try rows.map(TenantRow.init(row:)), request: request) { [$0.sortName] }
        }
    }

    /// The query of one page: up to `limit` tenants after `afterName`.
    static func pageQuery(afterName: String, limit: Int) -> PostgresQuery {
        """
        SELECT \(unescaped: OperatorStore.tenantColumns) FROM portico.tenants
        WHERE sort_name > \(afterName)
        ORDER BY sort_name
        LIMIT \(limit)
        """
    }

    /// Creates the platform's operator login with this password hash unless one exists
    /// (`bootstrap_operator`, a SECURITY DEFINER function, so no context is needed).
    /// Returns whether it created it.
    func bootstrapOperator(email: String, name: String, passwordHash: String) async throws -> Bool {
        let rows = try await database.query(
            "SELECT portico.bootstrap_operator(\(email), \(name), \(passwordHash))"
        )
        guard let row = rows.first else { return false }
        return try row.decode(Bool.self)
    }
}
