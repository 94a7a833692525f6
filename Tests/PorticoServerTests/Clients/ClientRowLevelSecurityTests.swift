import Foundation
import GRPCCore
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// The clients table's policies at the SQL level, connected as the app role, for the
/// detail columns of migration 0002: only an ADMIN of the tenant writes them.
@Suite("Clients row-level security")
struct ClientRowLevelSecurityTests {
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        try await TenantFixture.seeded()
    }

    private func insert(tenant: UUID, name: String) -> PostgresQuery {
        """
        INSERT INTO portico.clients (tenant_id, name, billing_email, phone, address_line1, city,
            country_code, notes)
        VALUES (\(tenant), \(name), 'ap@example.com', '555', '1 Main St', 'Springfield', 'US', 'note')
        """
    }

    private func update(tenant: UUID) -> PostgresQuery {
        """
        UPDATE portico.clients SET billing_email = 'x@example.com', phone = '1', notes = 'changed',
            country_code = 'DE', updated_at = now()
        WHERE tenant_id = \(tenant)
        """
    }

    @Test func techOwnerAndMemberCannotInsertOrUpdateClients() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for context in [f.dualInAContext, f.ownerA1Context, f.memberA1Context] {
                let error = await #expect(throws: (any Error).self, "\(context.role!)") {
                    _ = try await app.affectedRows(insert(tenant: f.tenantA, name: "Sneaky"), context: context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
                #expect(try await app.affectedRows(update(tenant: f.tenantA), context: context) == 0, "\(context.role!)")
            }
        }
        try await withDatabase(database.owner) { owner async throws in
            let rows = try await owner.query("SELECT notes, phone FROM portico.clients ORDER BY name")
                .map { try $0.decode((String, String).self) }
            #expect(rows.map { "\($0.0)|\($0.1)" } == ["|", "|", "|"])
        }
    }

    @Test func anAdminWritesOnlyItsOwnTenantsClients() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            #expect(try await app.affectedRows(insert(tenant: f.tenantA, name: "A3 Depot"), context: f.adminAContext) == 1)
            #expect(try await app.affectedRows(update(tenant: f.tenantA), context: f.adminAContext) == 3)
            #expect(try await app.affectedRows(update(tenant: f.tenantB), context: f.adminAContext) == 0)
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(insert(tenant: f.tenantB, name: "Sneaky"), context: f.adminAContext)
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
        }
        try await withDatabase(database.owner) { owner async throws in
            let rows = try await owner.query("SELECT name, notes, country_code FROM portico.clients ORDER BY name")
                .map { try $0.decode((String, String, String).self) }
            #expect(rows.map { "\($0.0)|\($0.1)|\($0.2)" } == [
                "A1 Offices|changed|DE", "A2 Stores|changed|DE", "A3 Depot|changed|DE", "B1 Hotels||",
            ])
        }
    }

    @Test func theColumnsHoldTheirBoundsEvenForAdmins() async throws {
        let (database, f) = try await seeded()
        let outOfBounds = [
            "UPDATE portico.clients SET country_code = 'us'",
            "UPDATE portico.clients SET country_code = 'USA'",
            "UPDATE portico.clients SET phone = repeat('1', 51)",
            "UPDATE portico.clients SET notes = repeat('n', 2001)",
            "UPDATE portico.clients SET postal_code = repeat('9', 21)",
            "UPDATE portico.clients SET city = repeat('c', 101)",
            "UPDATE portico.clients SET billing_email = repeat('e', 321)",
        ]
        try await withDatabase(database.app) { app async throws in
            for statement in outOfBounds {
                let error = await #expect(throws: (any Error).self, "\(statement)") {
                    _ = try await app.affectedRows(PostgresQuery(unsafeSQL: statement), context: f.adminAContext)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .invalidArgument, "\(statement)")
            }
            // Names are unique per tenant ignoring case.
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(
                    "UPDATE portico.clients SET name = 'a1 OFFICES' WHERE id = \(f.clientA2)", context: f.adminAContext)
            }
            #expect(error.flatMap(PostgresErrorMapping.rpcError(for:)) == RPCError(UniqueConflict.clientNameTaken))
        }
    }
}
