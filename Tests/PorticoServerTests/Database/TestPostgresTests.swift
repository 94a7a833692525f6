import Foundation
import LocalPostgres
@testable import PorticoServer
import PostgresNIO
import PostgresTestSupport
import Testing

@Suite struct TestPostgresTests {
    let logger = TestPostgres.logger

    @Test func freshDatabasesAreIndependentCopiesOwnedByTheOwnerRole() async throws {
        let first = try await TestPostgres.shared.freshDatabase()
        let second = try await TestPostgres.shared.freshDatabase()
        #expect(first.name != second.name)
        try await first.owner.withConnection(logger: logger) { connection in
            try await connection.query("CREATE TABLE only_in_first (value int)", logger: logger)
        }
        #expect(try await tableExists("only_in_first", in: first.owner) == true)
        #expect(try await tableExists("only_in_first", in: second.owner) == false)
        #expect(try await sessionName(first.app) == "portico_app@\(first.name)")
        #expect(try await sessionName(second.owner) == "portico_owner@\(second.name)")
        #expect(try await databaseOwner(first) == "portico_owner")
    }

    @Test func freshDatabasesAreMigratedAndEmptyOnesAreNot() async throws {
        let fresh = try await TestPostgres.shared.freshDatabase()
        let empty = try await TestPostgres.shared.emptyDatabase()
        let latest = try #require(Migration.all.last?.version)
        #expect(try await appliedMigrations(fresh.owner).last == latest)
        #expect(try await tableExists("portico.tenants", in: fresh.owner) == true)
        #expect(try await tableExists("portico.tenants", in: empty.owner) == false)
        #expect(try await databaseOwner(empty) == "portico_owner")
    }

    @Test func parallelCallsEachGetTheirOwnDatabase() async throws {
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask { try await TestPostgres.shared.freshDatabase().name }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(names.count == 6)
    }

    @Test func theLocationHandsTheServerBothRoles() async throws {
        let database = try await TestPostgres.shared.freshDatabase()
        guard case .external(let appURL, let ownerURL) = database.location else {
            Issue.record("expected an external location, got \(database.location)")
            return
        }
        #expect(try PostgresConnectionSettings(url: appURL) == database.app)
        #expect(try ownerURL.map(PostgresConnectionSettings.init(url:)) == database.owner)
    }

    @Test func theTemplateTakesNoConnections() async throws {
        let cluster = try await TestPostgres.shared.cluster()
        let error = await #expect(throws: PSQLError.self) {
            try await cluster.owner.with(database: TestPostgres.templateName).withConnection(logger: logger) { _ in }
        }
        #expect(error?.serverInfo?[.sqlState] == "55000")
    }

    private func tableExists(_ table: String, in settings: PostgresConnectionSettings) async throws -> Bool {
        try await settings.withConnection(logger: logger) { connection in
            let rows = try await connection.query("SELECT to_regclass(\(table)) IS NOT NULL", logger: logger)
            for try await exists in rows.decode(Bool.self) { return exists }
            return false
        }
    }

    private func appliedMigrations(_ settings: PostgresConnectionSettings) async throws -> [Int] {
        try await settings.withConnection(logger: logger) { connection in
            let rows = try await connection.query("SELECT version FROM portico.schema_migrations ORDER BY version", logger: logger)
            return try await rows.collect().map { Int(try $0.decode(Int32.self)) }
        }
    }

    private func sessionName(_ settings: PostgresConnectionSettings) async throws -> String {
        try await settings.withConnection(logger: logger) { connection in
            let rows = try await connection.query("SELECT current_user || '@' || current_database()", logger: logger)
            for try await name in rows.decode(String.self) { return name }
            return ""
        }
    }

    private func databaseOwner(_ database: TestDatabase) async throws -> String {
        try await database.superuser.withConnection(logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT pg_catalog.pg_get_userbyid(datdba)::text FROM pg_catalog.pg_database WHERE datname = \(database.name)",
                logger: logger
            )
            for try await owner in rows.decode(String.self) { return owner }
            return ""
        }
    }
}
