import Foundation
import Logging
import PostgresNIO
@testable import PorticoServer

extension TestDatabase {
    var appRole: String { app.username }
}

/// Databases for the database-layer tests, from the shared test cluster.
enum DatabaseFixture {
    /// A fresh database at this binary's schema version. Migrating is a no-op on a
    /// clone of the migrated template; it is here so these tests never depend on how
    /// the template was prepared.
    static func fresh() async throws -> TestDatabase {
        let database = try await TestPostgres.shared.freshDatabase()
        try await Migrator(owner: database.owner, appRole: database.appRole, logger: testLogger).migrate()
        return database
    }

    /// A fresh database without the `portico` schema: what a first start sees.
    static func empty() async throws -> TestDatabase {
        let database = try await TestPostgres.shared.freshDatabase()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("DROP SCHEMA IF EXISTS portico CASCADE")
        }
        return database
    }
}
