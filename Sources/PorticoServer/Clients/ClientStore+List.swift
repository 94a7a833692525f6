import Foundation
import PostgresNIO

extension ClientStore {
    /// One page of `ListClients`: clients by `sort_name` (the lower-cased name) after
    /// the request's token, optionally only those whose name contains `nameContains`
    /// (ignoring case, taken literally).
    ///
    /// `sort_name` alone is the keyset: `clients_name_key` makes it unique within a
    /// tenant, so no id is needed to break ties, and that index yields the rows in page
    /// order from the token on (migration 0003). The page is cut first and only its rows
    /// get the user summary. The first page starts after '', before every (non-empty)
    /// name.
    func list(
        nameContains: String, _ request: PageRequest, by principal: Principal
    ) async throws -> KeysetPage<ClientRow> {
        let tenantID = try principal.requireTenantID()
        let afterName = request.after?.keys[0] ?? ""
        let pattern = LikePattern.containing(nameContains)
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                Self.pageQuery(tenantID: tenantID, afterName: afterName, pattern: pattern, limit: request.fetchLimit)
            )
            return KeysetPage(fetched: try rows.map(ClientRow.init(row:)), request: request) { [$0.sortName] }
        }
    }

    /// The query of one page: up to `limit` clients of the tenant named like `pattern`,
    /// after `afterName`, with their user summaries.
    static func pageQuery(tenantID: UUID, afterName: String, pattern: String, limit: Int) -> PostgresQuery {
        """
        SELECT \(unescaped: ClientStore.clientColumns) FROM (
            SELECT * FROM portico.clients
            WHERE tenant_id = \(tenantID) AND sort_name > \(afterName)
                AND name ILIKE \(pattern) ESCAPE '\\'
            ORDER BY sort_name
            LIMIT \(limit)
        ) c \(unescaped: ClientStore.userSummary)
        ORDER BY c.sort_name
        """
    }
}
