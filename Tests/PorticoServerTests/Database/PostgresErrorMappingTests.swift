import Foundation
import GRPCCore
import NIOCore
import PostgresNIO
import Testing
@testable import PorticoServer

@Suite("Postgres error mapping")
struct PostgresErrorMappingTests {
    /// An error PostgreSQL really raised with `sqlState`, inside `withContext` like a
    /// handler's would be. The message carries SQL and a table name that must never
    /// reach a client.
    private func raised(_ sqlState: String, in app: Database) async throws -> any Error {
        do {
            try await app.withContext(.none) { connection in
                _ = try await connection.query(PostgresQuery(unsafeSQL: """
                    DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '\(sqlState)',
                        MESSAGE = 'SELECT * FROM portico.sessions WHERE secret'; END $$
                    """))
            }
        } catch {
            return error
        }
        Issue.record("no error raised for \(sqlState)")
        return CancellationError()
    }

    static let mapped: [(String, RPCError.Code, String)] = [
        ("23505", .alreadyExists, "already exists"),
        ("23503", .failedPrecondition, "a related record is missing or still in use"),
        ("23514", .invalidArgument, "invalid value"),
        ("23502", .invalidArgument, "a required value is missing"),
        ("22001", .invalidArgument, "invalid value"),
        ("22P02", .invalidArgument, "invalid value"),
        ("40001", .aborted, "conflict with a concurrent change, retry"),
        ("40P01", .aborted, "conflict with a concurrent change, retry"),
        ("42501", .permissionDenied, "permission denied"),
        ("57014", .deadlineExceeded, "the database took too long"),
        ("57P01", .unavailable, "database unavailable"),
        ("57P03", .unavailable, "database unavailable"),
        ("08006", .unavailable, "database unavailable"),
        ("53300", .unavailable, "database unavailable"),
        ("42P01", .internalError, "internal error"),
        ("XX000", .internalError, "internal error"),
        ("P0001", .internalError, "internal error"),
    ]

    @Test(arguments: mapped)
    func mapsSQLStates(sqlState: String, code: RPCError.Code, message: String) async throws {
        let database = try await DatabaseFixture.fresh()
        let error = try await withDatabase(database.app) { app in try await raised(sqlState, in: app) }
        #expect(error is PSQLError)
        let status = try #require(PostgresErrorMapping.rpcError(for: error))
        #expect(status.code == code)
        #expect(status.message == message)
        #expect(!status.message.contains("SELECT") && !status.message.contains("portico"))
    }

    @Test(arguments: DomainSQLState.allCases)
    func domainSQLStatesPassTheirMessageThrough(state: DomainSQLState) async throws {
        let database = try await DatabaseFixture.fresh()
        let error = try await withDatabase(database.app) { app async throws in
            do {
                try await app.withContext(.none) { connection in
                    _ = try await connection.query(PostgresQuery(unsafeSQL: """
                        DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '\(state.rawValue)',
                            MESSAGE = 'the invite limit is reached until 10:00 UTC'; END $$
                        """))
                }
            } catch { return error }
            return CancellationError()
        }
        #expect(PostgresErrorMapping.rpcError(for: error)
            == RPCError(code: state.code, message: "the invite limit is reached until 10:00 UTC"))
    }

    @Test func realConstraintViolationsNeverNameTheirConstraint() async throws {
        let database = try await DatabaseFixture.fresh()
        let fixture = TenantFixture()
        try await fixture.insert(into: database)
        try await withDatabase(database.app) { app async throws in
            let cases: [(PostgresQuery, RPCError.Code)] = [
                ("INSERT INTO portico.tenants (name) VALUES ('ACME plumbing')", .alreadyExists),
                ("INSERT INTO portico.tenants (name) VALUES ('')", .invalidArgument),
                ("UPDATE portico.tenants SET invite_limit = -1", .invalidArgument),
                ("SELECT 'not a uuid'::uuid", .invalidArgument),
            ]
            for (statement, code) in cases {
                do {
                    _ = try await app.affectedRows(statement, context: fixture.operatorContext)
                    Issue.record("no error for \(statement.sql)")
                } catch {
                    let status = PostgresErrorMapping.rpcError(for: error)
                    #expect(status?.code == code, "\(statement.sql)")
                    for leak in ["tenants", "portico", "INSERT", "UPDATE", "_key", "_check", "uuid"] {
                        #expect(status?.message.contains(leak) == false, "\(leak) in \(status?.message ?? "")")
                    }
                }
            }
        }
    }

    @Test func domainErrorsThrownInsideWithContextComeBackAsTheyAre() async throws {
        let database = try await DatabaseFixture.fresh()
        struct Refusal: Error, RPCErrorConvertible {
            var rpcErrorCode: RPCError.Code { .failedPrecondition }
            var rpcErrorMessage: String { "password change required" }
        }
        try await withDatabase(database.app) { app async throws in
            do {
                try await app.withContext(.none) { _ in throw RPCError(code: .notFound, message: "no such client") }
            } catch {
                #expect(PostgresErrorMapping.rpcError(for: error) == RPCError(code: .notFound, message: "no such client"))
            }
            do {
                try await app.withContext(.none) { _ in throw Refusal() }
            } catch {
                #expect(PostgresErrorMapping.rpcError(for: error)
                    == RPCError(code: .failedPrecondition, message: "password change required"))
            }
        }
    }

    /// postgres-nio's own `withTransaction` wraps errors in `PostgresTransactionError`
    /// (code outside `Database` may use it); the mapping looks inside.
    @Test func postgresNIOTransactionErrorsAreUnwrapped() async throws {
        let database = try await DatabaseFixture.fresh()
        let error = await #expect(throws: PostgresTransactionError.self) {
            try await database.app.withConnection(logger: testLogger) { connection in
                try await connection.withTransaction(logger: testLogger) { connection in
                    try await connection.query("SELECT 1 / 0", logger: testLogger)
                }
            }
        }
        #expect(error?.closureError != nil)
        #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) } == RPCError(code: .invalidArgument, message: "invalid value"))
        let closure = await #expect(throws: PostgresTransactionError.self) {
            try await database.app.withConnection(logger: testLogger) { connection in
                try await connection.withTransaction(logger: testLogger) { _ in
                    throw RPCError(code: .notFound, message: "no such client")
                }
            }
        }
        #expect(closure.flatMap { PostgresErrorMapping.rpcError(for: $0) } == RPCError(code: .notFound, message: "no such client"))
    }

    @Test func anErrorAtCommitIsMapped() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("""
                CREATE TABLE portico.deferred_probe (
                    id integer, CONSTRAINT probe_once UNIQUE (id) DEFERRABLE INITIALLY DEFERRED
                )
                """)
            _ = try await owner.query(PostgresQuery(unsafeSQL:
                "GRANT INSERT ON portico.deferred_probe TO \(SQLIdentifier(database.appRole))"))
        }
        try await withDatabase(database.app) { app async throws in
            do {
                try await app.withContext(.none) { connection in
                    // The deferred check runs only at COMMIT.
                    _ = try await connection.query("INSERT INTO portico.deferred_probe VALUES (1), (1)")
                }
                Issue.record("COMMIT succeeded")
            } catch {
                #expect((error as? PSQLError)?.serverInfo?[.sqlState] == "23505")
                #expect(PostgresErrorMapping.rpcError(for: error) == RPCError(code: .alreadyExists, message: "already exists"))
            }
        }
    }

    @Test func aSwallowedStatementErrorFailsTheCommit() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.app) { app async throws in
            let error = await #expect(throws: DatabaseError.self) {
                try await app.withContext(.none) { connection in
                    _ = try? await connection.query("SELECT 1 / 0")
                }
            }
            #expect(error?.code == .transactionRolledBack)
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) } == RPCError(code: .internalError, message: "internal error"))
        }
    }

    @Test func connectionProblemsAreUnavailable() {
        let errors: [any Error] = [
            DatabaseError(code: .connectionTimeout, message: "no database connection within 5 seconds"),
            DatabaseError(code: .connectionClosed, message: "the database connection is closed"),
            ChannelError.ioOnClosedChannel,
            IOError(errnoCode: ECONNREFUSED, reason: "connect"),
        ]
        for error in errors {
            #expect(PostgresErrorMapping.rpcError(for: error) == RPCError(code: .unavailable, message: "database unavailable"))
        }
    }

    @Test func otherErrorsAreLeftToTheCaller() {
        struct Unrelated: Error {}
        #expect(PostgresErrorMapping.rpcError(for: Unrelated()) == nil)
        #expect(PostgresErrorMapping.rpcError(for: CancellationError()) == RPCError(code: .cancelled, message: "cancelled"))
    }

    @Test func logDescriptionGivesTheStateAndServerMessage() async throws {
        let database = try await DatabaseFixture.fresh()
        let error = try await withDatabase(database.app) { app in try await raised("23505", in: app) }
        #expect(PostgresErrorMapping.logDescription(of: error)
            == "SQLSTATE 23505, SELECT * FROM portico.sessions WHERE secret")
    }
}
