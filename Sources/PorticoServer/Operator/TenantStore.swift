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

    /// Tenants ordered by name (ignoring case), then id: the keyset the page token holds.
    func list(after token: PageToken?, limit: Int, by principal: Principal) async throws -> [Portico_V1_Tenant] {
        let afterName = token?.keys[0]
        let afterID = token.flatMap { UUID(uuidString: $0.keys[1]) }
        if token != nil && afterID == nil {
            throw PorticoError.invalidField("page.page_token", "is not a token this list returned")
        }
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                SELECT id, name, created_at, invite_limit FROM portico.tenants
                WHERE \(afterName == nil) OR (lower(name), id) > (\(afterName ?? ""), \(afterID ?? UUID()))
                ORDER BY lower(name), id
                LIMIT \(limit)
                """
            )
            var tenants: [Portico_V1_Tenant] = []
            for row in rows {
                tenants.append(Portico_V1_Tenant(try row.decode((UUID, String, Date, Int32).self)))
            }
            return tenants
        }
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
