import Foundation
import PorticoAPI
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

/// The paged lists' queries, as the server runs them (app role, row-level security on),
/// read their pages as index ranges: a deep page starts at its token, not at the
/// tenant's first row. PostgreSQL's plans are the evidence; timing would only be noise.
@Suite("Keyset pages are index ranges")
struct KeysetIndexTests {
    /// `TenantFixture` plus, in tenant A, 3000 clients and `users` users (half of them
    /// members of client A1, half techs), and 2000 more tenants; analysed, so the planner
    /// sees tables large enough for its real choices.
    private func seeded(users: Int = 3000) async throws -> (TestDatabase, TenantFixture) {
        let database = try await DatabaseFixture.fresh()
        let f = TenantFixture()
        try await f.insert(into: database)
        let statements: [PostgresQuery] = [
            "INSERT INTO portico.tenants (name) SELECT 'Tenant ' || g FROM generate_series(1, 2000) g",
            """
            INSERT INTO portico.clients (tenant_id, name)
            SELECT \(f.tenantA), 'Client ' || g FROM generate_series(1, 3000) g
            """,
            """
            INSERT INTO portico.auth_users (email, display_name, password_hash)
            SELECT 'user' || g || '@bulk.example', 'User ' || lpad(g::text, 5, '0'), 'hash'
            FROM generate_series(1, \(users)) g
            """,
            """
            INSERT INTO portico.memberships (tenant_id, user_id, client_id, role, display_name)
            SELECT \(f.tenantA), u.id,
                CASE WHEN u.n % 2 = 0 THEN \(f.clientA1)::uuid END,
                CASE WHEN u.n % 2 = 0 THEN 'MEMBER' ELSE 'TECH' END, u.display_name
            FROM (
                SELECT id, display_name, row_number() OVER (ORDER BY email) AS n
                FROM portico.auth_users WHERE email LIKE '%@bulk.example'
            ) u
            """,
            "ANALYZE",
        ]
        try await withDatabase(database.owner) { owner in
            try await owner.withContext(.none) { connection in
                for statement in statements { _ = try await connection.query(statement) }
            }
        }
        return (database, f)
    }

    /// The plan of `query` as `context` runs it, one line per row of EXPLAIN.
    private func plan(_ query: PostgresQuery, in database: Database, as context: DatabaseContext) async throws -> [String] {
        let explain = PostgresQuery(unsafeSQL: "EXPLAIN " + query.sql, binds: query.binds)
        return try await database.column(explain, as: String.self, context: context)
    }

    /// The keyset `(column…) > (token…)` is an index condition, and nothing about the
    /// sort key is left to a filter or a sort: the index yields the page in order and
    /// the LIMIT stops the scan. `pageSort` is the sort of the finished page (at most
    /// LIMIT rows) after its join, which is allowed.
    private func expectIndexRange(
        _ plan: [String], index: String, pageSort: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let text = plan.joined(separator: "\n")
        // In index order: an index scan, not a bitmap scan (which reads the whole range).
        #expect(plan.contains { $0.contains("Index Scan using \(index) ") }, "no ordered scan of \(index):\n\(text)", sourceLocation: sourceLocation)
        #expect(
            plan.contains { $0.contains("Index Cond:") && $0.contains("sort_name") && $0.contains(">") },
            "no index range on sort_name:\n\(text)", sourceLocation: sourceLocation
        )
        #expect(
            !plan.contains { $0.contains("Filter:") && ($0.contains("sort_name") || $0.contains("lower(")) },
            "the keyset is a filter:\n\(text)", sourceLocation: sourceLocation
        )
        #expect(
            !plan.contains { $0.contains("Sort Key:") && !(pageSort.map($0.contains) ?? false) },
            "the range is sorted, not read in order:\n\(text)", sourceLocation: sourceLocation
        )
    }

    @Test func listClientsReadsFromTheToken() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for after in ["", "client 2900"] {
                let query = ClientStore.pageQuery(tenantID: f.tenantA, afterName: after, pattern: "%%", limit: 51)
                expectIndexRange(try await plan(query, in: app, as: f.adminAContext), index: "clients_name_key", pageSort: "c.sort_name")
            }

            // What migration 0003 replaced, as the control: `lower()` is not leakproof, so
            // under row-level security its keyset is a filter after the policy.
            let old: PostgresQuery = """
                SELECT id FROM portico.clients
                WHERE tenant_id = \(f.tenantA) AND lower(name) > 'client 2900' ORDER BY lower(name) LIMIT 51
                """
            let oldPlan = try await plan(old, in: app, as: f.adminAContext)
            #expect(oldPlan.contains { $0.contains("Filter:") && $0.contains("lower(") }, "\(oldPlan)")
        }
    }

    /// At a few thousand users PostgreSQL may as well sort a scope's rows (it estimates
    /// that few pass memberships' policy); with 20,000 in each scope it must not.
    @Test func listUsersReadsFromTheTokenInBothScopes() async throws {
        let (database, f) = try await seeded(users: 40_000)
        try await withDatabase(database.app) { app async throws in
            let deep = NameIDKey(name: "user 39000", id: NameIDKey.beforeAll.id)
            for after in [NameIDKey.beforeAll, deep] {
                for scope in [UserStore.Scope.staff, .client(f.clientA1)] {
                    let query = UserStore.pageQuery(of: scope, after: after, limit: 51)
                    let index = scope == .staff ? "memberships_staff_name_idx" : "memberships_client_name_idx"
                    expectIndexRange(try await plan(query, in: app, as: f.adminAContext), index: index, pageSort: "m.sort_name")
                }
            }
        }
    }

    @Test func listTenantsReadsFromTheToken() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for after in ["", "tenant 1900"] {
                let query = OperatorStore.pageQuery(afterName: after, limit: 51)
                expectIndexRange(try await plan(query, in: app, as: f.operatorContext), index: "tenants_name_key")
            }
        }
    }

    /// ListWorkOrders in a tenant of 200,000 work orders over 400 locations: every page,
    /// with one status, several or none, is read newest first as index ranges of
    /// `work_orders` (one per status), never a scan of the tenant's work orders and a
    /// sort. The only sorts are of finished pages (at most LIMIT rows per status).
    @Test func listWorkOrdersReadsIndexRangesNewestFirst() async throws {
        let database = try await DatabaseFixture.fresh()
        let f = TenantFixture()
        try await f.insert(into: database)
        let statements: [PostgresQuery] = [
            """
            INSERT INTO portico.locations (tenant_id, client_id, name)
            SELECT \(f.tenantA), CASE WHEN g % 2 = 0 THEN \(f.clientA1)::uuid ELSE \(f.clientA2)::uuid END, 'Site ' || g
            FROM generate_series(1, 400) g
            """,
            """
            INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status)
            SELECT \(f.tenantA), g, l.client_id, l.id, 'Job ' || g, 'GENERAL', 'NORMAL',
                (ARRAY['OPEN', 'ACTIVE', 'ON_HOLD', 'CLOSED', 'COMPLETED'])[1 + g % 5]
            FROM generate_series(1, 200000) g
            JOIN (SELECT id, client_id, row_number() OVER (ORDER BY id) - 1 AS n FROM portico.locations
                  WHERE tenant_id = \(f.tenantA)) l ON l.n = g % 400
            """,
            "ANALYZE",
        ]
        try await withDatabase(database.owner) { owner in
            try await owner.withContext(.none) { connection in
                for statement in statements { _ = try await connection.query(statement) }
            }
        }
        try await withDatabase(database.app) { app async throws in
            let cases: [([Portico_V1_WorkOrderStatus], String)] = [
                ([.open], "work_orders_status_idx"),
                ([.open, .active], "work_orders_status_idx"),
                ([], "work_orders_tenant_id_number_key"),
            ]
            for (statuses, index) in cases {
                for before in [Int64.max, 150_000] {
                    var filter = WorkOrderStore.Filter()
                    filter.statuses = statuses
                    let query = WorkOrderStore.pageQuery(filter, technicianUser: nil, tenantID: f.tenantA, before: before, limit: 51)
                    let plan = try await plan(query, in: app, as: f.adminAContext)
                    let text = plan.joined(separator: "\n")
                    #expect(plan.contains { $0.contains("Index Scan Backward using \(index) on work_orders") }, "\(statuses) \(before):\n\(text)")
                    #expect(!plan.contains { $0.contains("Seq Scan on work_orders") || $0.contains("Bitmap Heap Scan on work_orders") }, "\(text)")
                    // Sorts only of finished pages: the merged statuses and the joined page.
                    #expect(plan.filter { $0.contains("Sort Key:") }.allSatisfy { $0.contains("number DESC") }, "\(text)")
                    #expect(!plan.contains { $0.contains("Sort") && $0.contains("rows=") && Self.estimatedRows($0) > 51 * 8 }, "\(text)")
                }
            }
        }
    }

    /// The planner's row estimate of one EXPLAIN line ("… rows=123 …").
    private static func estimatedRows(_ line: String) -> Int {
        guard let range = line.range(of: "rows=") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }
}
