import Foundation
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

/// The paged lists' queries, as the server runs them (app role, row-level security on),
/// read their pages as index ranges: a deep page starts at its token, not at the
/// tenant's first row. PostgreSQL's plans are the evidence; timing would only be noise.
@Suite("Keyset pages are index ranges")
struct KeysetIndexTests {
    /// `TenantFixture` plus, in tenant A, 3000 clients and 3000 users (half of them
    /// members of client A1, half techs), and 2000 more tenants; analysed, so the planner
    /// sees tables large enough for its real choices.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
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
            SELECT 'user' || g || '@bulk.example', 'User ' || g, 'hash' FROM generate_series(1, 3000) g
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
    /// sort key is left to a filter, nor (unless `sorted`) to a sort: the index yields
    /// the page in order and the LIMIT stops the scan.
    private func expectIndexRange(
        _ plan: [String], sortKey: String, sorted: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let text = plan.joined(separator: "\n")
        #expect(
            plan.contains { $0.contains("Index Cond:") && $0.contains(sortKey) && $0.contains(">") },
            "no index range on \(sortKey):\n\(text)", sourceLocation: sourceLocation
        )
        #expect(
            !plan.contains { $0.contains("Filter:") && ($0.contains(sortKey) || $0.contains("lower(")) },
            "the keyset is a filter:\n\(text)", sourceLocation: sourceLocation
        )
        if !sorted {
            // The clients query sorts its page of at most `limit` rows once more after
            // joining the user summaries (`c.sort_name`); that sort is not the scan's.
            #expect(
                !plan.contains { $0.contains("Sort Key:") && !$0.contains("c.sort_name") },
                "sorted:\n\(text)", sourceLocation: sourceLocation
            )
        }
    }

    @Test func listClientsReadsFromTheToken() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let query = ClientStore.pageQuery(tenantID: f.tenantA, afterName: "client 2900", pattern: "%%", limit: 51)
            expectIndexRange(try await plan(query, in: app, as: f.adminAContext), sortKey: "sort_name")

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

    @Test func listUsersReadsFromTheTokenInBothScopes() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let after = UserPageKey(name: "user 2900", membershipID: UserPageKey.beforeAll.membershipID)
            for scope in [UserDirectory.Scope.staff, .client(f.clientA1)] {
                let query = UserDirectory.pageQuery(of: scope, after: after, limit: 51)
                let plan = try await plan(query, in: app, as: f.adminAContext)
                // Memberships' policy is an OR of several roles' rules, and PostgreSQL
                // estimates that few rows pass it, so it may read the range from the
                // token on and sort that, rather than stop at the LIMIT. The range still
                // starts at the token, within one scope's index.
                expectIndexRange(plan, sortKey: "sort_name", sorted: true)
                let index = scope == .staff ? "memberships_staff_name_idx" : "memberships_client_name_idx"
                #expect(plan.contains { $0.contains(index) }, "\(scope) does not use \(index):\n\(plan.joined(separator: "\n"))")
            }
        }
    }

    @Test func listTenantsReadsFromTheToken() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let query = TenantStore.pageQuery(afterName: "tenant 1900", limit: 51)
            expectIndexRange(try await plan(query, in: app, as: f.operatorContext), sortKey: "sort_name")
        }
    }
}
