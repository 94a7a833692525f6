import Foundation
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

@Suite("Migrator")
struct MigratorTests {
    /// Every migration this binary ships, as recorded: a new one must be added here.
    static let shipped = ["1 foundation", "2 invites", "3 sort_keys", "4 locations", "5 nte_profiles", "6 work_orders", "7 work_order_comments", "8 costs_and_completion", "9 work_order_notifications", "10 withdrawn_increases", "11 planner_friendly_policies", "12 work_order_guards"]
    /// A version no shipped migration uses yet.
    static var next: Int { Migration.latestVersion + 1 }

    /// (version, name) of every recorded migration, oldest first.
    private func recorded(_ database: TestDatabase) async throws -> [String] {
        try await withDatabase(database.owner) { owner async throws in
            try await owner.query("SELECT version, name FROM portico.schema_migrations ORDER BY version")
                .map { row in
                    let (version, name) = try row.decode((Int, String).self)
                    return "\(version) \(name)"
                }
        }
    }

    private func migrator(_ database: TestDatabase, _ migrations: [Migration] = Migration.all) -> Migrator {
        Migrator(owner: database.owner, appRole: database.appRole, logger: testLogger, migrations: migrations)
    }

    @Test func appliesEveryMigrationOnceAndIsIdempotent() async throws {
        let database = try await DatabaseFixture.empty()
        try await migrator(database).migrate()
        #expect(try await recorded(database) == Self.shipped)
        let firstAppliedAt = try await withDatabase(database.owner) { owner async throws in
            try await owner.query("SELECT applied_at FROM portico.schema_migrations").map { try $0.decode(Date.self) }
        }

        try await migrator(database).migrate()

        #expect(try await recorded(database) == Self.shipped)
        let secondAppliedAt = try await withDatabase(database.owner) { owner async throws in
            try await owner.query("SELECT applied_at FROM portico.schema_migrations").map { try $0.decode(Date.self) }
        }
        #expect(secondAppliedAt == firstAppliedAt)
    }

    @Test func concurrentMigratorsApplyEachMigrationExactlyOnce() async throws {
        let database = try await DatabaseFixture.empty()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { try await migrator(database).migrate() }
            }
            try await group.waitForAll()
        }
        #expect(try await recorded(database) == Self.shipped)
    }

    @Test func appliesOnlyTheMissingMigrationsInOrder() async throws {
        let database = try await DatabaseFixture.fresh()
        let later = Migration(version: Self.next, name: "widgets", statements: [
            "CREATE TABLE portico.widgets (id integer PRIMARY KEY)",
            "INSERT INTO portico.widgets VALUES (1), (2)",
        ])
        try await migrator(database, Migration.all + [later]).migrate()

        #expect(try await recorded(database) == Self.shipped + ["\(Self.next) widgets"])
        let widgets = try await withDatabase(database.owner) { owner async throws in
            try await owner.query("SELECT count(*) FROM portico.widgets").map { try $0.decode(Int.self) }
        }
        #expect(widgets == [2])
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        let database = try await DatabaseFixture.fresh()
        let broken = Migration(version: Self.next, name: "broken", statements: [
            "CREATE TABLE portico.half_done (id integer)",
            "SELECT 1 / 0",
        ])
        let error = try await #require(throws: MigrationError.self) {
            try await migrator(database, Migration.all + [broken]).migrate()
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message == "migration \(Self.next) \"broken\" failed and was rolled back: "
            + "SQLSTATE 22012, division by zero")
        #expect(try await recorded(database) == Self.shipped)
        let table = try await withDatabase(database.owner) { owner async throws in
            try await owner.query("SELECT to_regclass('portico.half_done')::text").map { try $0.decode(String?.self) }
        }
        #expect(table == [nil])
    }

    @Test func refusesADatabaseNewerThanTheBinary() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("INSERT INTO portico.schema_migrations (version, name) VALUES (\(Self.next + 5), 'future')")
        }
        let error = try await #require(throws: MigrationError.self) {
            try await migrator(database).migrate()
        }
        #expect(error.code == .databaseIsNewer)
        #expect(error.message == "the database schema is at version \(Self.next + 5), but this server knows "
            + "versions up to \(Migration.latestVersion); run a newer server")
    }

    @Test func refusesADatabaseThatRecordedADifferentHistory() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("UPDATE portico.schema_migrations SET name = 'other' WHERE version = 1")
        }
        let error = try await #require(throws: MigrationError.self) {
            try await migrator(database).migrate()
        }
        #expect(error.code == .historyMismatch)
        #expect(error.message == "the database recorded migration 1 as \"other\", but this "
            + "server's migration 1 is \"foundation\"")
    }

    @Test(arguments: ["no_such_role", "portico_owner_placeholder"])
    func refusesAnAppRoleThatIsMissingOrTheOwner(role: String) async throws {
        let database = try await DatabaseFixture.fresh()
        let appRole = role == "no_such_role" ? role : database.owner.username
        let error = try await #require(throws: MigrationError.self) {
            try await Migrator(owner: database.owner, appRole: appRole, logger: testLogger).migrate()
        }
        #expect(error.code == .invalidAppRole)
        let expected = role == "no_such_role"
            ? "the app role \"no_such_role\" does not exist"
            : "the app role \"\(appRole)\" is the owner role or a member of it; the server's "
                + "queries need a role row-level security binds"
        #expect(error.message == expected)
    }
}
