import Foundation
import Logging
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport

extension TestDatabase {
    var appRole: String { app.username }
}

/// Databases for the database-layer tests, from the shared test cluster.
enum DatabaseFixture {
    /// A fresh database at this binary's schema version (a clone of the migrated
    /// template).
    static func fresh() async throws -> TestDatabase {
        try await TestPostgres.shared.freshDatabase()
    }

    /// A fresh database without the `portico` schema: what a first start sees.
    static func empty() async throws -> TestDatabase {
        try await TestPostgres.shared.emptyDatabase()
    }
}
