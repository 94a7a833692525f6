import Foundation
import PorticoAPI
import PostgresNIO

extension ClientStore {
    /// One page of `ListClients`: the clients, and the keyset position of the last one
    /// when more follow.
    struct Page: Sendable {
        var clients: [Portico_V1_Client]
        var next: PageToken?
    }

    /// Clients by `lower(name)` strictly after `token`, optionally only those whose
    /// name contains `nameContains` (ignoring case, taken literally).
    ///
    /// `lower(name)` alone is the keyset: `clients_name_key` makes it unique within a
    /// tenant, so no id is needed to break ties, and the index (tenant_id, lower(name))
    /// yields the rows in page order. The page is cut first and only its rows get the
    /// user summary. The first page starts after '', before every (non-empty) name.
    /// Under row-level security PostgreSQL checks `lower(name) > after` after the
    /// policy, as a filter (`lower` is not leakproof), so a page deep into a large
    /// tenant still walks the tenant's index range from its start.
    func list(
        nameContains: String, after token: PageToken?, pageSize: Int, by principal: Principal
    ) async throws -> Page {
        let tenantID = try Self.tenant(of: principal)
        let afterName = token?.keys[0] ?? ""
        let pattern = "%" + Self.likeEscaped(nameContains) + "%"
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: ClientRow.columns) FROM (
                    SELECT * FROM portico.clients
                    WHERE tenant_id = \(tenantID) AND lower(name) > \(afterName)
                        AND name ILIKE \(pattern) ESCAPE '\\'
                    ORDER BY lower(name)
                    LIMIT \(pageSize + 1)
                ) c \(unescaped: ClientRow.userSummary)
                ORDER BY lower(c.name)
                """
            )
            var page = Page(clients: try rows.prefix(pageSize).map(ClientRow.client), next: nil)
            if rows.count > pageSize, let last = rows.prefix(pageSize).last {
                page.next = PageToken(keys: [try ClientRow.sortName(last)])
            }
            return page
        }
    }

    /// `pattern` matched literally by LIKE: its wildcards `%`, `_` and the escape
    /// character itself are escaped with a backslash.
    static func likeEscaped(_ text: String) -> String {
        // By scalar, not Character: "%" followed by a combining mark is one Character
        // that is not "%", yet PostgreSQL still sees the wildcard.
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "%" || scalar == "_" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
