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

    /// Clients by `lower(name)`, then id, strictly after `token`, optionally only those
    /// whose name contains `nameContains` (ignoring case, taken literally).
    ///
    /// `lower(name) >= after` is the range the index `clients_name_key`
    /// (tenant_id, lower(name)) scans; the row comparison then drops the row the last
    /// page ended on. The first page starts after ('', nil UUID), before every name.
    func list(
        nameContains: String, after token: PageToken?, pageSize: Int, by principal: Principal
    ) async throws -> Page {
        let tenantID = try Self.tenant(of: principal)
        let afterName = token?.keys[0] ?? ""
        let afterID = try token.map(Self.tokenID) ?? Self.nilUUID
        let pattern = "%" + Self.likeEscaped(nameContains) + "%"
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: ClientRow.columns) FROM portico.clients c \(unescaped: ClientRow.userSummary)
                WHERE c.tenant_id = \(tenantID)
                    AND lower(c.name) >= \(afterName)
                    AND (lower(c.name), c.id) > (\(afterName), \(afterID))
                    AND c.name ILIKE \(pattern) ESCAPE '\\'
                ORDER BY lower(c.name), c.id
                LIMIT \(pageSize + 1)
                """
            )
            var page = Page(clients: try rows.prefix(pageSize).map(ClientRow.client), next: nil)
            if rows.count > pageSize, let last = rows.prefix(pageSize).last {
                page.next = PageToken(keys: try ClientRow.pageKeys(last))
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

    private static let nilUUID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    private static func tokenID(_ token: PageToken) throws(PorticoError) -> UUID {
        guard let id = UUID(uuidString: token.keys[1]) else {
            throw .invalidField("page.page_token", "is not a token this list returned")
        }
        return id
    }
}
