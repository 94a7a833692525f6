import Foundation
import PorticoAPI
import PostgresNIO

extension WorkOrderStore {
    /// What ListWorkOrders narrows to; nil and empty mean "any".
    struct Filter: Sendable, Equatable {
        var statuses: [Portico_V1_WorkOrderStatus] = []
        var clientID: UUID?
        var locationID: UUID?
        var trade: Portico_V1_Trade?
        var technicianID: UUID?
        var updatedSince: Date?
        /// Text in the title (ignoring case), or the digits of a number.
        var search: String = ""
    }

    /// One page of ListWorkOrders, newest (highest number) first, after the request's
    /// token (the last number of the previous page). Row-level security narrows the
    /// rows to the caller's reach; the caller's scope is also written into the query
    /// (a technician's assignments, a client user's company) so that PostgreSQL reads
    /// the index that leads with it.
    func list(_ filter: Filter, _ request: PageRequest, by principal: Principal) async throws -> KeysetPage<WorkOrderRow> {
        let tenantID = try principal.requireTenantID()
        let before = try Self.pageNumber(request.after) ?? .max
        var scoped = filter
        var technicianUser: UUID?
        switch principal.role {
        case .owner, .member: scoped.clientID = principal.clientID
        case .tech: technicianUser = principal.userID
        default: break
        }
        let query = Self.pageQuery(scoped, technicianUser: technicianUser, tenantID: tenantID, before: before, limit: request.fetchLimit)
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(query)
            return KeysetPage(fetched: try rows.map(WorkOrderRow.init(row:)), request: request) { [String($0.number)] }
        }
    }

    /// The query of one page. The page is cut from `work_orders` alone and only its rows
    /// are joined to their clients and locations, so PostgreSQL reads one index range
    /// newest first and stops after `limit` rows, however large the tenant. Several
    /// statuses are one such range each (`LATERAL`), merged: PostgreSQL 15 does not
    /// read `status = ANY(…)` in index order. Each other condition is left out when its
    /// value is NULL (the statement is planned with its values, so PostgreSQL drops it).
    static func pageQuery(
        _ filter: Filter, technicianUser: UUID?, tenantID: UUID, before: Int64, limit: Int
    ) -> PostgresQuery {
        let statuses: [String]? = filter.statuses.isEmpty ? nil : Array(Set(filter.statuses.map(\.name))).sorted()
        // A constant chosen here, not caller input.
        let statusCondition = statuses == nil ? "true" : "w.status = s.status"
        let pattern: String? = filter.search.isEmpty ? nil : LikePattern.containing(filter.search)
        let number: Int64? = Int64(filter.search.uppercased().replacingOccurrences(of: "WO-", with: ""))
        return """
            SELECT \(unescaped: WorkOrderStore.workOrderColumns)
            FROM (
                SELECT page.* FROM unnest(coalesce(\(statuses)::text[], ARRAY[NULL::text])) AS s(status)
                CROSS JOIN LATERAL (
                    SELECT * FROM portico.work_orders w
                    WHERE w.tenant_id = \(tenantID) AND w.number < \(before) AND \(unescaped: statusCondition)
                        AND (\(filter.clientID)::uuid IS NULL OR w.client_id = \(filter.clientID))
                        AND (\(filter.locationID)::uuid IS NULL OR w.location_id = \(filter.locationID))
                        AND (\(filter.trade?.databaseName)::text IS NULL OR w.trade = \(filter.trade?.databaseName))
                        AND (\(filter.technicianID)::uuid IS NULL OR w.assigned_tech_membership_id = \(filter.technicianID))
                        AND (\(technicianUser)::uuid IS NULL OR w.assigned_tech_user_id = \(technicianUser))
                        AND (\(filter.updatedSince)::timestamptz IS NULL OR w.updated_at >= \(filter.updatedSince))
                        AND (\(pattern)::text IS NULL OR w.title ILIKE \(pattern) ESCAPE '\\' OR w.number = \(number))
                    ORDER BY w.number DESC
                    LIMIT \(limit)
                ) AS page
                ORDER BY page.number DESC
                LIMIT \(limit)
            ) AS w
            JOIN portico.clients c ON c.tenant_id = w.tenant_id AND c.id = w.client_id
            JOIN portico.locations l ON l.tenant_id = w.tenant_id AND l.id = w.location_id
            ORDER BY w.number DESC
            """
    }

    /// The number a page token holds; nil for the first page.
    static func pageNumber(_ token: PageToken?) throws(PorticoError) -> Int64? {
        guard let token else { return nil }
        guard token.keys.count == 1, let number = Int64(token.keys[0]) else {
            throw .invalidField("page.page_token", "is not a token this list returned")
        }
        return number
    }
}
