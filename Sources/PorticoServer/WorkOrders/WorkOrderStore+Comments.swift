import Foundation
import PostgresNIO

extension WorkOrderStore {
    /// The select list of a `CommentRow`.
    static let commentColumns = "id, work_order_id, seq, author_name, author_role, body, created_at"

    /// AddComment: the caller adds to the thread of a work order they can read
    /// (NOT_FOUND otherwise), under the name and role they have now.
    func addComment(_ body: String, to workOrderID: UUID, by principal: Principal) async throws -> CommentRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            try await Self.requireVisible(workOrderID, tenantID: tenantID, on: connection)
            return try await Self.insertComment(body, to: workOrderID, by: principal, on: connection)
        }
    }

    /// Adds `body` to the thread as the caller, under the name and role they have now.
    @discardableResult
    static func insertComment(
        _ body: String, to workOrderID: UUID, by principal: Principal, on connection: DatabaseConnection
    ) async throws -> CommentRow {
        let tenantID = try principal.requireTenantID()
        let name = try await UserStore.name(of: principal, on: connection)
        let rows = try await connection.query(
            """
            INSERT INTO portico.work_order_comments (tenant_id, work_order_id, author_user_id, author_name, author_role, body)
            VALUES (\(tenantID), \(workOrderID), \(principal.userID), \(name), \(principal.role.databaseName), \(body))
            RETURNING \(unescaped: Self.commentColumns)
            """
        )
        guard let row = rows.first else { throw PorticoError.internalError }
        return try CommentRow(row: row)
    }

    /// ListComments: one page of the thread, oldest first, after the request's token
    /// (the last comment's `seq`).
    func comments(of workOrderID: UUID, _ request: PageRequest, by principal: Principal) async throws -> KeysetPage<CommentRow> {
        let tenantID = try principal.requireTenantID()
        let after = try Self.pageNumber(request.after) ?? 0
        return try await database.withContext(DatabaseContext(principal)) { connection in
            try await Self.requireVisible(workOrderID, tenantID: tenantID, on: connection)
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.commentColumns) FROM portico.work_order_comments
                WHERE tenant_id = \(tenantID) AND work_order_id = \(workOrderID) AND seq > \(after)
                ORDER BY seq
                LIMIT \(request.fetchLimit)
                """
            )
            return KeysetPage(fetched: try rows.map(CommentRow.init(row:)), request: request) { [String($0.seq)] }
        }
    }

    /// NOT_FOUND unless the caller can read the work order.
    static func requireVisible(_ id: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws {
        let rows = try await connection.query(
            "SELECT 1 FROM portico.work_orders WHERE tenant_id = \(tenantID) AND id = \(id)"
        )
        if rows.isEmpty { throw PorticoError.notFound("work order") }
    }
}
