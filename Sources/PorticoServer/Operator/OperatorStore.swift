import Foundation
import PorticoAPI
import PostgresNIO
import ProtoWire

/// The SQL behind `Operator`: runs with the operator's RLS context, which is the only
/// one the tenants table lets create or list every tenant.
struct TenantStore: Sendable {
    let database: Database

    /// Rule 10's standard cap: invites per tenant per rolling 24 hours.
    static let defaultInviteLimit: Int32 = 50
    /// What `SetInviteLimit` accepts.
    static let inviteLimitRange: ClosedRange<Int32> = 1...100_000

    /// Lifts or restores one tenant's cap; invites already sent keep counting.
    func setInviteLimit(_ limit: Int32, tenantID: UUID, by principal: Principal) async throws -> Portico_V1_Tenant {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                UPDATE portico.tenants SET invite_limit = \(limit) WHERE id = \(tenantID)
                RETURNING id, name, created_at, invite_limit
                """
            )
            guard let row = rows.first else { throw PorticoError.notFound("tenant") }
            return Portico_V1_Tenant(try row.decode((UUID, String, Date, Int32).self))
        }
    }

    /// One page of `ListTenants`: the tenants, and the keyset position of the last one
    /// when more follow.
    struct Page: Sendable {
        var tenants: [Portico_V1_Tenant]
        var next: PageToken?
    }

    /// Tenants by `sort_name` (the lower-cased name) strictly after `token`.
    ///
    /// `sort_name` alone is the keyset: `tenants_name_key` makes it unique and yields the
    /// rows in page order from the token on (migration 0003). The token holds the key as
    /// PostgreSQL lower-cased it: Swift's lower-casing differs for some letters, and a
    /// token computed by it could skip or repeat a tenant. The first page starts after
    /// '', before every (non-empty) name.
    func list(after token: PageToken?, pageSize: Int, by principal: Principal) async throws -> Page {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(Self.pageQuery(afterName: token?.keys[0] ?? "", limit: pageSize + 1))
            var page = Page(tenants: [], next: nil)
            var lastSortName = ""
            for row in rows.prefix(pageSize) {
                let (id, name, created, limit, sortName) = try row.decode((UUID, String, Date, Int32, String).self)
                page.tenants.append(Portico_V1_Tenant((id, name, created, limit)))
                lastSortName = sortName
            }
            if rows.count > pageSize { page.next = PageToken(keys: [lastSortName]) }
            return page
        }
    }

    /// The query of one page: up to `limit` tenants after `afterName`, with each one's
    /// sort key for the next token.
    static func pageQuery(afterName: String, limit: Int) -> PostgresQuery {
        """
        SELECT id, name, created_at, invite_limit, sort_name FROM portico.tenants
        WHERE sort_name > \(afterName)
        ORDER BY sort_name
        LIMIT \(limit)
        """
    }
}

extension Portico_V1_Tenant {
    init(_ row: (UUID, String, Date, Int32)) {
        self.init()
        id = row.0.uuidString.lowercased()
        name = row.1
        createdAt = Google_Protobuf_Timestamp(date: row.2)
        inviteLimit = row.3
    }
}
