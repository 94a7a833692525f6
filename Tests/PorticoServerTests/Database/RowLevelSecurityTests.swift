import Foundation
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

/// Row-level security at the SQL level, connected as the app role.
@Suite("Row-level security")
struct RowLevelSecurityTests {
    static let policyTables = ["tenants", "auth_users", "operators", "clients", "memberships", "sessions"]

    /// A migrated database with `TenantFixture` written into it.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        let database = try await DatabaseFixture.fresh()
        let fixture = TenantFixture()
        try await fixture.insert(into: database)
        return (database, fixture)
    }

    @Test func withoutContextNoTableShowsARow() async throws {
        let (database, _) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for table in Self.policyTables {
                let count = try await app.column(
                    PostgresQuery(unsafeSQL: "SELECT count(*) FROM portico.\(table)"),
                    as: Int.self, context: .none
                )
                #expect(count == [0], "\(table)")
            }
        }
    }

    @Test func tenantAContextSeesOnlyTenantARows() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.adminAContext
            #expect(try await app.column("SELECT id FROM portico.tenants", as: UUID.self, context: ctx) == [f.tenantA])
            #expect(Set(try await app.column("SELECT id FROM portico.clients", as: UUID.self, context: ctx))
                == [f.clientA1, f.clientA2])
            let tenantsOfMemberships = try await app.column(
                "SELECT DISTINCT tenant_id FROM portico.memberships", as: UUID.self, context: ctx)
            #expect(tenantsOfMemberships == [f.tenantA])
            // The logins of tenant A's users (dual's too: it is tenant A's TECH), none else.
            #expect(Set(try await app.column("SELECT id FROM portico.auth_users", as: UUID.self, context: ctx))
                == [f.adminA.id, f.ownerA1.id, f.memberA1.id, f.dual.id])
            #expect(try await app.column("SELECT user_id FROM portico.sessions", as: UUID.self, context: ctx) == [f.adminA.id])
            #expect(try await app.column("SELECT id FROM portico.operators", as: UUID.self, context: ctx) == [])
            let bRows = try await app.column("""
                SELECT count(*) FROM portico.clients WHERE tenant_id = \(f.tenantB)
                """, as: Int.self, context: ctx)
            #expect(bRows == [0])
        }
    }

    @Test func tenantAContextCannotChangeTenantBRows() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.adminAContext
            let changes: [PostgresQuery] = [
                "UPDATE portico.clients SET name = 'taken' WHERE tenant_id = \(f.tenantB)",
                "UPDATE portico.tenants SET name = 'taken' WHERE id = \(f.tenantB)",
                "UPDATE portico.auth_users SET display_name = 'taken' WHERE id = \(f.adminB.id)",
                "UPDATE portico.sessions SET expires_at = now() WHERE user_id = \(f.adminB.id)",
                "DELETE FROM portico.sessions WHERE user_id = \(f.adminB.id)",
                "DELETE FROM portico.login_attempts WHERE false",
            ]
            for change in changes {
                #expect(try await app.affectedRows(change, context: ctx) == 0, "\(change.sql)")
            }
        }
        // The owner still sees tenant B untouched.
        try await withDatabase(database.owner) { owner async throws in
            let names = try await owner.query("SELECT name FROM portico.clients WHERE tenant_id = \(f.tenantB)")
                .map { try $0.decode(String.self) }
            #expect(names == ["B1 Hotels"])
            let sessions = try await owner.query("SELECT count(*) FROM portico.sessions WHERE user_id = \(f.adminB.id)")
                .map { try $0.decode(Int.self) }
            #expect(sessions == [1])
        }
    }

    @Test func tenantAContextCannotInsertIntoTenantB() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.adminAContext
            let inserts: [PostgresQuery] = [
                "INSERT INTO portico.clients (tenant_id, name) VALUES (\(f.tenantB), 'sneaky')",
                "INSERT INTO portico.tenants (name) VALUES ('sneaky')",
                """
                INSERT INTO portico.memberships (tenant_id, user_id, role)
                VALUES (\(f.tenantB), \(f.adminA.id), 'ADMIN')
                """,
                """
                INSERT INTO portico.sessions (token_hash, user_id, role, tenant_id, membership_id,
                    password_change_required, expires_at)
                VALUES (\(ByteBuffer(repeating: 9, count: 32)), \(f.adminB.id), 'ADMIN', \(f.tenantB),
                    \(f.adminB.membershipID!), false, now() + interval '1 hour')
                """,
            ]
            for insert in inserts {
                let error = await #expect(throws: (any Error).self, "\(insert.sql)") {
                    _ = try await app.affectedRows(insert, context: ctx)
                }
                let status = error.flatMap { PostgresErrorMapping.rpcError(for: $0) }
                #expect(status?.code == .permissionDenied, "\(insert.sql)")
            }
        }
    }

    @Test func aSessionCannotReferenceAnotherUsersMembership() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            // Own user id (passes the policy) but tenant B's membership of someone else:
            // the foreign key, which ignores row-level security, refuses it.
            let insert: PostgresQuery = """
                INSERT INTO portico.sessions (token_hash, user_id, role, tenant_id, membership_id,
                    password_change_required, expires_at)
                VALUES (\(ByteBuffer(repeating: 9, count: 32)), \(f.adminA.id), 'ADMIN', \(f.tenantB),
                    \(f.adminB.membershipID!), false, now() + interval '1 hour')
                """
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(insert, context: f.adminAContext)
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .failedPrecondition)
        }
    }

    @Test func aClientRoleSeesOnlyItsOwnClient() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for ctx in [f.ownerA1Context, f.memberA1Context] {
                #expect(try await app.column("SELECT id FROM portico.clients", as: UUID.self, context: ctx) == [f.clientA1])
            }
            let ownerSees = try await app.column(
                "SELECT user_id FROM portico.memberships ORDER BY role", as: UUID.self, context: f.ownerA1Context)
            #expect(ownerSees == [f.memberA1.id, f.ownerA1.id])
            let memberSees = try await app.column(
                "SELECT user_id FROM portico.memberships", as: UUID.self, context: f.memberA1Context)
            #expect(memberSees == [f.memberA1.id])
            let rejected = try await app.affectedRows(
                "UPDATE portico.clients SET name = 'x'", context: f.ownerA1Context)
            #expect(rejected == 0)
        }
    }

    @Test func aTenantContextHidesTheUsersOwnRowsInOtherTenants() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.dualInAContext
            #expect(try await app.column("SELECT id FROM portico.tenants", as: UUID.self, context: ctx) == [f.tenantA])
            #expect(try await app.column(
                "SELECT tenant_id FROM portico.memberships", as: UUID.self, context: ctx) == [f.tenantA])
            // TECH sees the tenant's clients, and only tenant A's.
            #expect(Set(try await app.column("SELECT id FROM portico.clients", as: UUID.self, context: ctx))
                == [f.clientA1, f.clientA2])
        }
    }

    @Test func aUserOnlyContextListsTheLoginsMembershipsAcrossTenants() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = DatabaseContext(userID: f.dual.id)
            let rows = try await app.withContext(ctx) { connection in
                try await connection.query("""
                    SELECT t.name, m.role, c.name
                    FROM portico.memberships m
                    JOIN portico.tenants t ON t.id = m.tenant_id
                    LEFT JOIN portico.clients c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
                    ORDER BY t.name
                    """).map { try $0.decode((String, String, String?).self) }
            }
            #expect(rows.map { "\($0.0) \($0.1) \($0.2 ?? "-")" } == [
                "Acme Plumbing TECH -", "Bolt HVAC OWNER B1 Hotels",
            ])
            // Clients of tenant A the login has no membership for stay hidden.
            #expect(try await app.column("SELECT id FROM portico.clients", as: UUID.self, context: ctx) == [f.clientB1])
        }
    }

    @Test func usersSeeAndChangeOnlyTheirOwnIdentityAndSessions() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.memberA1Context
            let updated = try await app.affectedRows("""
                UPDATE portico.auth_users SET password_hash = 'new', password_is_temporary = false
                """, context: ctx)
            #expect(updated == 1)
            let newSession = try await app.affectedRows("""
                INSERT INTO portico.sessions (token_hash, user_id, role, tenant_id, membership_id,
                    client_id, password_change_required, expires_at)
                VALUES (\(ByteBuffer(repeating: 7, count: 32)), \(f.memberA1.id), 'MEMBER', \(f.tenantA),
                    \(f.memberA1.membershipID!), \(f.clientA1), false, now() + interval '1 hour')
                """, context: ctx)
            #expect(newSession == 1)
            #expect(try await app.column("SELECT count(*) FROM portico.sessions", as: Int.self, context: ctx) == [2])
            #expect(try await app.affectedRows("DELETE FROM portico.sessions", context: ctx) == 2)
        }
        try await withDatabase(database.owner) { owner async throws in
            let hashes = try await owner.query("SELECT email, password_hash FROM portico.auth_users ORDER BY email")
                .map { try $0.decode((String, String).self) }.filter { $0.1 == "new" }.map(\.0)
            #expect(hashes == [f.memberA1.email])
            let sessions = try await owner.query("SELECT count(*) FROM portico.sessions").map { try $0.decode(Int.self) }
            #expect(sessions == [5])
        }
    }

    @Test func anIdentityCannotChangeItsEmailOrId() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(
                    "UPDATE portico.auth_users SET email = 'new@example.com'", context: f.adminAContext)
            }
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
        }
    }

    @Test func theOperatorSeesAndCreatesTenantsButNoTenantData() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ctx = f.operatorContext
            let created = try await app.affectedRows(
                "INSERT INTO portico.tenants (name) VALUES ('Cobalt Electric')", context: ctx)
            #expect(created == 1)
            #expect(try await app.column("SELECT name FROM portico.tenants ORDER BY name", as: String.self, context: ctx)
                == ["Acme Plumbing", "Bolt HVAC", "Cobalt Electric"])
            #expect(try await app.column("SELECT count(*) FROM portico.clients", as: Int.self, context: ctx) == [0])
            #expect(try await app.column("SELECT count(*) FROM portico.memberships", as: Int.self, context: ctx) == [0])
            #expect(try await app.column("SELECT id FROM portico.operators", as: UUID.self, context: ctx) == [f.operatorID])
            let adminUpdate = try await app.affectedRows(
                "UPDATE portico.tenants SET invite_limit = 500", context: f.adminAContext)
            #expect(adminUpdate == 0)
        }
    }

    @Test(arguments: [
        "ALTER TABLE portico.tenants DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE portico.tenants NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY tenants_current_select ON portico.tenants",
        "CREATE POLICY sneaky ON portico.tenants USING (true)",
        "SELECT count(*) FROM portico.schema_migrations",
        "CREATE TABLE portico.sneaky (id int)",
        "TRUNCATE portico.sessions",
    ])
    func theAppRoleCannotLoosenSecurity(statement: String) async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let error = await #expect(throws: (any Error).self) {
                _ = try await app.affectedRows(PostgresQuery(unsafeSQL: statement), context: f.adminAContext)
            }
            let sqlState = (error.map(PostgresErrorMapping.unwrapped) as? PSQLError)?.serverInfo?[.sqlState]
            #expect(sqlState == "42501")
        }
    }

    @Test func turningRowSecurityOffMakesQueriesFailInsteadOfSeeingEverything() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let error = await #expect(throws: (any Error).self) {
                try await app.withContext(f.adminAContext) { connection in
                    _ = try await connection.query("SET LOCAL row_security = off")
                    _ = try await connection.query("SELECT * FROM portico.clients")
                }
            }
            let sqlState = (error.map(PostgresErrorMapping.unwrapped) as? PSQLError)?.serverInfo?[.sqlState]
            #expect(sqlState == "42501")
        }
    }
}
