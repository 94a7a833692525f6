import Foundation
import GRPCCore
import LocalPostgres
import PostgresNIO
import Testing
@testable import PorticoServer

@Suite("Database")
struct DatabaseTests {
    @Test func withContextSetsAllFourSettingsForItsTransactionOnly() async throws {
        let database = try await DatabaseFixture.fresh()
        var options = Database.Options()
        options.maximumConnections = 1
        let tenant = UUID(), user = UUID(), client = UUID()
        let context = DatabaseContext(tenantID: tenant, userID: user, role: .owner, clientID: client)
        let settingsQuery: PostgresQuery = """
            SELECT portico.current_tenant_id(), portico.current_user_id(),
                   portico.current_role_name(), portico.current_client_id()
            """
        try await withDatabase(database.app, options: options) { app async throws in
            let inside = try await app.withContext(context) { connection in
                try await connection.query(settingsQuery)
                    .map { try $0.decode((UUID?, UUID?, String?, UUID?).self) }
            }
            #expect(inside.count == 1)
            #expect(inside.first?.0 == tenant && inside.first?.1 == user)
            #expect(inside.first?.2 == "OWNER" && inside.first?.3 == client)
            // Same (only) pooled connection, next call: nothing left over.
            let after = try await app.query(settingsQuery).map { try $0.decode((UUID?, UUID?, String?, UUID?).self) }
            #expect(after.count == 1)
            #expect(after.first.map { $0.0 == nil && $0.1 == nil && $0.2 == nil && $0.3 == nil } == true)
        }
    }

    @Test func queriesReturnTheirRowsAndWritesTheirCount() async throws {
        let database = try await DatabaseFixture.fresh()
        let operatorContext = DatabaseContext(userID: UUID(), role: .operator)
        try await withDatabase(database.app) { app async throws in
            let (inserted, names) = try await app.withContext(operatorContext) { connection in
                let inserted = try await connection.execute(
                    "INSERT INTO portico.tenants (name) VALUES ('Alpha'), ('Beta'), ('Gamma')"
                )
                var names: [String] = []
                let rows = try await connection.query(
                    "SELECT name, invite_limit FROM portico.tenants ORDER BY name DESC"
                )
                for row in rows {
                    let (name, limit) = try row.decode((String, Int32).self)
                    names.append("\(name) \(limit)")
                }
                return (inserted, names)
            }
            #expect(inserted == 3)
            #expect(names == ["Gamma 50", "Beta 50", "Alpha 50"])
        }
    }

    @Test func withContextRollsBackWhenTheBodyThrows() async throws {
        let database = try await DatabaseFixture.fresh()
        struct Abandon: Error {}
        let operatorContext = DatabaseContext(userID: UUID(), role: .operator)
        try await withDatabase(database.app) { app async throws in
            await #expect(throws: (any Error).self) {
                try await app.withContext(operatorContext) { connection in
                    _ = try await connection.query(
                        "INSERT INTO portico.tenants (name) VALUES ('Ghost Co')"
                    )
                    throw Abandon()
                }
            }
            let names = try await app.column("SELECT name FROM portico.tenants", as: String.self, context: operatorContext)
            #expect(names == [])
        }
    }

    @Test func waitingForABusyPoolIsBounded() async throws {
        let database = try await DatabaseFixture.fresh()
        var options = Database.Options()
        options.maximumConnections = 1
        options.leaseTimeout = .milliseconds(300)
        try await withDatabase(database.app, options: options) { app async throws in
            // Open the one connection first: under load, connecting alone can take
            // longer than this test's lease timeout.
            _ = try await firstSuccess(within: .seconds(10)) { try await app.query("SELECT 1") }
            try await app.withContext(.none) { _ in
                let started = ContinuousClock.now
                let error = await #expect(throws: DatabaseError.self) { _ = try await app.query("SELECT 1") }
                #expect(error?.code == .connectionTimeout)
                // Without the lease timeout this call would wait forever for the one
                // connection held around it; the bound leaves room for a loaded machine.
                #expect(ContinuousClock.now - started < .seconds(30))
                #expect(PostgresErrorMapping.rpcError(for: error!)?.code == .unavailable)
            }
            // The lease came back: the pool works again.
            #expect(try await app.query("SELECT 1").count == 1)
        }
    }

    @Test func anUnreachableServerFailsWithinTheLeaseTimeout() async throws {
        // A port nothing listens on: connections are refused at once, and the pool
        // would queue the call for a minute without the lease timeout.
        let settings = PostgresConnectionSettings(
            host: "127.0.0.1", port: 9, username: "portico_app", password: "x", database: "none"
        )
        var options = Database.Options()
        options.leaseTimeout = .milliseconds(500)
        try await withDatabase(settings, options: options) { app async throws in
            let started = ContinuousClock.now
            let error = await #expect(throws: (any Error).self) { _ = try await app.query("SELECT 1") }
            // Bounded, not queued for the pool's minute; generous, because a loaded CI
            // machine delays timers and connection attempts by seconds.
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) } == RPCError(code: .unavailable, message: "database unavailable"))
            #expect(await app.isReachable(within: .milliseconds(500)) == false)
        }
    }

    @Test func isReachableAnswersTrueForALiveServer() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.app) { app async throws in
            // A pooled connection first: under the test run's load, opening one can
            // take longer than the check's bound.
            _ = try await firstSuccess(within: .seconds(10)) { try await app.query("SELECT 1") }
            #expect(await app.isReachable())
        }
    }

    @Test func theAppRolePassesTheBypassCheckAndTheOwnerDoesNot() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.app) { app async throws in
            try await app.checkAppRoleCannotBypassRLS()
        }
        try await withDatabase(database.owner) { owner async throws in
            let error = await #expect(throws: DatabaseError.self) { try await owner.checkAppRoleCannotBypassRLS() }
            #expect(error?.code == .appRoleBypassesRowSecurity)
            #expect(error?.message == "the database role \"\(database.owner.username)\" owns the portico "
                + "tables (use a separate owner role); the server's queries must run as a role "
                + "row-level security binds")
        }
        try await withDatabase(database.superuser) { superuser async throws in
            let error = await #expect(throws: DatabaseError.self) { try await superuser.checkAppRoleCannotBypassRLS() }
            #expect(error?.message == "the database role \"\(database.superuser.username)\" is a superuser; "
                + "the server's queries must run as a role row-level security binds")
        }
    }
}
