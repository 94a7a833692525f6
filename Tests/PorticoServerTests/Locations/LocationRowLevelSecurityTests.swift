import Foundation
import GRPCCore
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport
import Testing

/// The locations table's policies at the SQL level, connected as the app role: who
/// sees, adds and changes which sites, whatever the handlers do.
@Suite("Locations row-level security")
struct LocationRowLevelSecurityTests {
    /// Tenant A's clients A1 and A2 and tenant B's B1 have two sites each.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        try await TenantFixture.seeded { f, connection in
            for (tenant, client, prefix) in [(f.tenantA, f.clientA1, "A1"), (f.tenantA, f.clientA2, "A2"), (f.tenantB, f.clientB1, "B1")] {
                for site in ["North", "South"] {
                    try await connection.execute(
                        "INSERT INTO portico.locations (tenant_id, client_id, name) VALUES (\(tenant), \(client), \(prefix + " " + site))"
                    )
                }
            }
        }
    }

    private func visibleNames(_ app: Database, as context: DatabaseContext) async throws -> [String] {
        try await app.withContext(context) { connection in
            try await connection.query("SELECT name FROM portico.locations ORDER BY name").map { try $0.decode(String.self) }
        }
    }

    private func insert(tenant: UUID, client: UUID, name: String) -> PostgresQuery {
        "INSERT INTO portico.locations (tenant_id, client_id, name) VALUES (\(tenant), \(client), \(name))"
    }

    @Test func withoutAContextOrInAnotherTenantNoSiteIsVisible() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            #expect(try await visibleNames(app, as: .none) == [])
            #expect(try await visibleNames(app, as: f.operatorContext) == [])
            // A user context alone (sign-in, before a membership is chosen) sees none either.
            #expect(try await visibleNames(app, as: .user(f.adminA.id)) == [])
            #expect(try await visibleNames(app, as: f.adminBContext) == ["B1 North", "B1 South"])
            let wrongTenant = DatabaseContext(tenantID: f.tenantB, userID: f.adminA.id, role: .owner, clientID: f.clientA1)
            #expect(try await visibleNames(app, as: wrongTenant) == [])
        }
    }

    @Test func staffSeeTheirTenantsSitesAndClientUsersTheirCompanys() async throws {
        let (database, f) = try await seeded()
        let tenantA = ["A1 North", "A1 South", "A2 North", "A2 South"]
        try await withDatabase(database.app) { app async throws in
            #expect(try await visibleNames(app, as: f.adminAContext) == tenantA)
            #expect(try await visibleNames(app, as: f.dualInAContext) == tenantA)
            #expect(try await visibleNames(app, as: f.ownerA1Context) == ["A1 North", "A1 South"])
            #expect(try await visibleNames(app, as: f.memberA1Context) == ["A1 North", "A1 South"])
        }
    }

    @Test func ownersAddAndChangeOnlyTheirOwnCompanysSites() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            #expect(try await app.affectedRows(insert(tenant: f.tenantA, client: f.clientA1, name: "A1 East"), context: f.ownerA1Context) == 1)
            for (tenant, client) in [(f.tenantA, f.clientA2), (f.tenantB, f.clientB1)] {
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.affectedRows(insert(tenant: tenant, client: client, name: "Sneaky"), context: f.ownerA1Context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            let rename: PostgresQuery = "UPDATE portico.locations SET access_notes = 'code 1234'"
            #expect(try await app.affectedRows(rename, context: f.ownerA1Context) == 3)
            #expect(try await app.affectedRows(rename, context: f.memberA1Context) == 0)
            #expect(try await app.affectedRows(rename, context: f.dualInAContext) == 0)
        }
        try await withDatabase(database.owner) { owner async throws in
            let noted = try await owner.withContext(.none) { connection in
                try await connection.query("SELECT name FROM portico.locations WHERE access_notes <> '' ORDER BY name")
                    .map { try $0.decode(String.self) }
            }
            #expect(noted == ["A1 East", "A1 North", "A1 South"])
        }
    }

    @Test func membersAndTechsAddNothingAndAdminsOnlyInTheirTenant() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for context in [f.memberA1Context, f.dualInAContext] {
                let error = await #expect(throws: (any Error).self, "\(context.role!)") {
                    _ = try await app.affectedRows(insert(tenant: f.tenantA, client: f.clientA1, name: "Sneaky"), context: context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            #expect(try await app.affectedRows(insert(tenant: f.tenantA, client: f.clientA2, name: "A2 East"), context: f.adminAContext) == 1)
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(insert(tenant: f.tenantB, client: f.clientB1, name: "Sneaky"), context: f.adminAContext)
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            #expect(try await app.affectedRows("UPDATE portico.locations SET access_notes = 'x'", context: f.adminAContext) == 5)
        }
    }

    /// A site never moves to another client and is never deleted, whoever asks.
    @Test func noRoleMovesOrDeletesASite() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for statement: PostgresQuery in [
                "UPDATE portico.locations SET client_id = \(f.clientA2) WHERE client_id = \(f.clientA1)",
                "DELETE FROM portico.locations",
            ] {
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.affectedRows(statement, context: f.adminAContext)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            #expect(try await visibleNames(app, as: f.adminAContext).count == 4)
        }
    }
}
