import Foundation
import PorticoAPI
import GRPCCore
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// The NTE tables' policies at the SQL level, connected as the app role: caps are
/// money, so only the tenant's admins and the company's owner ever see them (rules 7
/// and 9), and only admins write them.
@Suite("NTE profiles row-level security")
struct NteRowLevelSecurityTests {
    /// Clients A1, A2 and B1 each have a profile with a default and a plumbing cap.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        try await TenantFixture.seeded { f, connection in
            for (tenant, client) in [(f.tenantA, f.clientA1), (f.tenantA, f.clientA2), (f.tenantB, f.clientB1)] {
                try await connection.execute(
                    "INSERT INTO portico.nte_profiles (tenant_id, client_id, currency_code, default_cap_minor) VALUES (\(tenant), \(client), 'USD', 500)"
                )
                try await connection.execute(
                    "INSERT INTO portico.nte_caps (tenant_id, client_id, trade, cap_minor) VALUES (\(tenant), \(client), 'PLUMBING', 300)"
                )
            }
        }
    }

    private func visible(_ app: Database, as context: DatabaseContext) async throws -> (profiles: Set<UUID>, caps: Set<UUID>) {
        try await app.withContext(context) { connection in
            let profiles = try await connection.query("SELECT client_id FROM portico.nte_profiles").map { try $0.decode(UUID.self) }
            let caps = try await connection.query("SELECT client_id FROM portico.nte_caps").map { try $0.decode(UUID.self) }
            return (Set(profiles), Set(caps))
        }
    }

    @Test func onlyTheTenantsAdminsAndTheCompanysOwnerSeeCaps() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for context in [DatabaseContext.none, f.operatorContext, .user(f.adminA.id), f.memberA1Context, f.dualInAContext] {
                let seen = try await visible(app, as: context)
                #expect(seen.profiles.isEmpty && seen.caps.isEmpty, "\(String(describing: context.role))")
            }
            let admin = try await visible(app, as: f.adminAContext)
            #expect(admin.profiles == [f.clientA1, f.clientA2] && admin.caps == [f.clientA1, f.clientA2])
            let owner = try await visible(app, as: f.ownerA1Context)
            #expect(owner.profiles == [f.clientA1] && owner.caps == [f.clientA1])
            let otherTenant = try await visible(app, as: f.adminBContext)
            #expect(otherTenant.profiles == [f.clientB1])
        }
    }

    @Test func onlyAdminsWriteAndOnlyInTheirTenant() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let raise: PostgresQuery = "UPDATE portico.nte_profiles SET default_cap_minor = 999"
            let dropCaps: PostgresQuery = "DELETE FROM portico.nte_caps"
            for context in [f.ownerA1Context, f.memberA1Context, f.dualInAContext] {
                #expect(try await app.affectedRows(raise, context: context) == 0)
                #expect(try await app.affectedRows(dropCaps, context: context) == 0)
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.affectedRows(
                        "INSERT INTO portico.nte_caps (tenant_id, client_id, trade, cap_minor) VALUES (\(f.tenantA), \(f.clientA1), 'HVAC', 1)",
                        context: context
                    )
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            #expect(try await app.affectedRows(raise, context: f.adminAContext) == 2)
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(
                    "INSERT INTO portico.nte_caps (tenant_id, client_id, trade, cap_minor) VALUES (\(f.tenantB), \(f.clientB1), 'HVAC', 1)",
                    context: f.adminAContext
                )
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
        }
        try await withDatabase(database.owner) { owner async throws in
            let caps = try await owner.withContext(.none) { connection in
                try await connection.query("SELECT count(*)::int8 FROM portico.nte_caps").first!.decode(Int.self)
            }
            #expect(caps == 3)
        }
    }

    /// The database's list of trades is the schema's, so no trade the API accepts is
    /// refused by a CHECK.
    @Test func theTradeCheckListsEveryTradeTheAPIKnows() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            try await app.withContext(f.adminAContext) { connection in
                for trade in Portico_V1_Trade.known {
                    try await connection.execute(
                        "INSERT INTO portico.nte_caps (tenant_id, client_id, trade, cap_minor) VALUES (\(f.tenantA), \(f.clientA2), \(trade.databaseName), 1) ON CONFLICT DO NOTHING"
                    )
                }
            }
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(
                    "INSERT INTO portico.nte_caps (tenant_id, client_id, trade, cap_minor) VALUES (\(f.tenantA), \(f.clientA2), 'ASTROLOGY', 1)",
                    context: f.adminAContext
                )
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .invalidArgument)
        }
    }
}
