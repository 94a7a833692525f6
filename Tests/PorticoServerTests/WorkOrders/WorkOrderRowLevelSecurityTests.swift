import Foundation
import GRPCCore
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// The work-order tables' policies at the SQL level, connected as the app role.
@Suite("Work orders row-level security")
struct WorkOrderRowLevelSecurityTests {
    /// One site per client; A1's has work orders 1 (assigned to the TECH `dual`) and 2,
    /// A2's has 3, B1's has 4; each with its creation event.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        try await TenantFixture.seeded { f, connection in
            let sites: [(UUID, UUID, UUID)] = [(f.tenantA, f.clientA1, UUID()), (f.tenantA, f.clientA2, UUID()), (f.tenantB, f.clientB1, UUID())]
            for (tenant, client, site) in sites {
                try await connection.execute(
                    "INSERT INTO portico.locations (tenant_id, id, client_id, name) VALUES (\(tenant), \(site), \(client), 'Site')"
                )
            }
            let orders: [(Int64, Int, UUID?, UUID?)] = [
                (1, 0, f.dual.membershipID, f.dual.id), (2, 0, nil, nil), (3, 1, nil, nil), (4, 2, nil, nil),
            ]
            for (number, site, techMembership, techUser) in orders {
                let (tenant, client, location) = sites[site]
                let id = UUID()
                try await connection.execute(
                    """
                    INSERT INTO portico.work_orders (tenant_id, id, number, client_id, location_id, title, trade,
                        priority, status, assigned_tech_membership_id, assigned_tech_user_id, nte_cap_minor, currency_code)
                    VALUES (\(tenant), \(id), \(number), \(client), \(location), 'Job', 'PLUMBING', 'NORMAL', 'OPEN',
                        \(techMembership), \(techUser), 500, 'USD')
                    """
                )
                try await connection.execute(
                    "INSERT INTO portico.work_order_events (tenant_id, work_order_id, by_name, to_status) VALUES (\(tenant), \(id), 'seed', 'OPEN')"
                )
            }
        }
    }

    private func visible(_ app: Database, as context: DatabaseContext) async throws -> (orders: [Int64], events: Int) {
        try await app.withContext(context) { connection in
            let orders = try await connection.query("SELECT number FROM portico.work_orders ORDER BY number").map { try $0.decode(Int64.self) }
            let events = try await connection.query("SELECT count(*)::int8 FROM portico.work_order_events").first!.decode(Int.self)
            return (orders, events)
        }
    }

    @Test func eachRoleSeesExactlyItsWorkOrdersAndTheirHistory() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for context in [DatabaseContext.none, f.operatorContext, .user(f.adminA.id)] {
                let seen = try await visible(app, as: context)
                #expect(seen.orders.isEmpty && seen.events == 0)
            }
            let wrongTenant = DatabaseContext(tenantID: f.tenantB, userID: f.ownerA1.id, role: .owner, clientID: f.clientA1)
            #expect(try await visible(app, as: wrongTenant).orders.isEmpty)
            #expect(try await visible(app, as: f.adminAContext) == ([1, 2, 3], 3))
            #expect(try await visible(app, as: f.ownerA1Context) == ([1, 2], 2))
            #expect(try await visible(app, as: f.memberA1Context) == ([1, 2], 2))
            #expect(try await visible(app, as: f.dualInAContext) == ([1], 1))
            #expect(try await visible(app, as: f.adminBContext) == ([4], 1))
        }
    }

    /// Rule 14: client users insert requests and change nothing; a technician changes
    /// only what is assigned to them.
    @Test func clientsOnlyInsertRequestsAndTechsChangeOnlyTheirs() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let close: PostgresQuery = "UPDATE portico.work_orders SET status = 'CLOSED'"
            // A client's context reaches its company's rows, and the guard refuses any
            // move but the client's own (sign-off, reopen, deciding an increase).
            for context in [f.ownerA1Context, f.memberA1Context] {
                let error = await #expect(throws: (any Error).self) { try await app.affectedRows(close, context: context) }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            #expect(try await app.affectedRows(close, context: f.dualInAContext) == 1)
            #expect(try await app.affectedRows(close, context: f.adminAContext) == 3)
            let site = try await app.withContext(f.adminAContext) { connection in
                try await connection.query("SELECT id FROM portico.locations WHERE client_id = \(f.clientA1)").first!.decode(UUID.self)
            }
            func insert(_ status: String, cap: Int64?) -> PostgresQuery {
                """
                INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status,
                    nte_cap_minor, currency_code)
                VALUES (\(f.tenantA), \(Int64.random(in: 100...1_000_000)), \(f.clientA1), \(site), 'Job', 'PLUMBING', 'NORMAL',
                    \(status), \(cap), \(cap.map { _ in "USD" }))
                """
            }
            #expect(try await app.affectedRows(insert("REQUESTED", cap: nil), context: f.memberA1Context) == 1)
            for (status, cap) in [("OPEN", nil), ("REQUESTED", 100)] as [(String, Int64?)] {
                let error = await #expect(throws: (any Error).self, "\(status)") {
                    _ = try await app.affectedRows(insert(status, cap: cap), context: f.memberA1Context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows("DELETE FROM portico.work_orders", context: f.adminAContext)
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
        }
    }

    /// Removing the technician's membership unassigns them at once.
    @Test func aRemovedTechnicianNoLongerSeesTheirWorkOrders() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.withContext(.none) { connection in
                try await connection.execute("DELETE FROM portico.memberships WHERE id = \(f.dual.membershipID!)")
            }
        }
        try await withDatabase(database.app) { app async throws in
            #expect(try await visible(app, as: f.dualInAContext).orders.isEmpty)
            #expect(try await visible(app, as: f.adminAContext).orders == [1, 2, 3])
        }
    }

    /// Costs, markup and quotes: no context and a wrong context see nothing; cost lines
    /// and the markup never reach a client role; an increase reaches the company's
    /// owner, never a member (rules 7 and 9).
    @Test func costsSettingsAndIncreasesAreScoped() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.owner) { owner async throws in
            // As the owner role, but in tenant A's admin context: the cost-line guard
            // checks the context whoever inserts.
            try await owner.withContext(f.adminAContext) { connection in
                let order = try await connection.query(
                    "SELECT id, client_id FROM portico.work_orders WHERE tenant_id = \(f.tenantA) AND number = 1"
                ).first!.decode((UUID, UUID).self)
                try await connection.execute(
                    """
                    INSERT INTO portico.work_order_cost_lines (tenant_id, work_order_id, kind, description, quantity_milli,
                        unit_cost_minor, currency_code, markup_basis_points, added_by_name)
                    VALUES (\(f.tenantA), \(order.0), 'PARTS', 'Trap', 1000, 100, 'USD', 0, 'seed')
                    """
                )
                try await connection.execute(
                    """
                    INSERT INTO portico.nte_increases (tenant_id, work_order_id, client_id, requested_cap_minor, currency_code,
                        reason, requested_by_name)
                    VALUES (\(f.tenantA), \(order.0), \(order.1), 900, 'USD', 'More', 'seed')
                    """
                )
                try await connection.execute(
                    "INSERT INTO portico.tenant_settings (tenant_id, markup_basis_points) VALUES (\(f.tenantA), 1500)"
                )
            }
        }
        try await withDatabase(database.app) { app async throws in
            func counts(_ context: DatabaseContext) async throws -> [Int] {
                var counts: [Int] = []
                for table in ["work_order_cost_lines", "nte_increases", "tenant_settings"] {
                    counts += try await app.column(
                        PostgresQuery(unsafeSQL: "SELECT count(*)::int8 FROM portico.\(table)"), as: Int.self, context: context
                    )
                }
                return counts
            }
            let wrongTenant = DatabaseContext(tenantID: f.tenantB, userID: f.adminA.id, role: .admin)
            for context in [DatabaseContext.none, f.operatorContext, wrongTenant, f.adminBContext] {
                #expect(try await counts(context) == [0, 0, 0])
            }
            #expect(try await counts(f.adminAContext) == [1, 1, 1])
            #expect(try await counts(f.dualInAContext) == [1, 0, 1])
            #expect(try await counts(f.ownerA1Context) == [0, 1, 0])
            #expect(try await counts(f.memberA1Context) == [0, 0, 0])
            // A client role cannot add a cost line either, and the refusal says nothing of
            // the work order (a line past its cap would otherwise tell the cap).
            let line: PostgresQuery = """
                INSERT INTO portico.work_order_cost_lines (tenant_id, work_order_id, kind, description, quantity_milli,
                    unit_cost_minor, currency_code, markup_basis_points, added_by_user_id, added_by_name)
                SELECT tenant_id, id, 'PARTS', 'x', 1000, 100000, 'USD', 0, \(f.ownerA1.id), 'x' FROM portico.work_orders
                """
            let error = await #expect(throws: (any Error).self) { try await app.affectedRows(line, context: f.ownerA1Context) }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
        }
    }
}
