import Foundation
import Logging
import PostgresNIO
@testable import PorticoServer

/// Connection settings of one database for one test.
struct FreshDatabase: Sendable {
    let owner: PostgresConnectionSettings
    let app: PostgresConnectionSettings
    var appRole: String { app.username }
}

/// TEMPORARY: a hand-started cluster until the shared test harness lands.
enum DatabaseFixture {
    static let superuser = PostgresConnectionSettings(
        host: "127.0.0.1", port: 55432, username: "postgres", password: "superpw", database: "postgres"
    )
    static let template = TemplateOnce()

    /// A database cloned from the migrated template.
    static func fresh() async throws -> FreshDatabase {
        try await template.ensure()
        return try await create(template: "portico_template")
    }

    /// A database with no `portico` schema at all.
    static func empty() async throws -> FreshDatabase {
        try await create(template: "template1")
    }

    private static func create(template: String) async throws -> FreshDatabase {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withDatabase(superuser) { db in
            _ = try await db.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) OWNER portico_owner TEMPLATE \(template)"))
        }
        return FreshDatabase(
            owner: .init(host: "127.0.0.1", port: 55432, username: "portico_owner", password: "ownerpw", database: name),
            app: .init(host: "127.0.0.1", port: 55432, username: "portico_app", password: "apppw", database: name)
        )
    }

    actor TemplateOnce {
        var task: Task<Void, any Error>?
        func ensure() async throws {
            if task == nil { task = Task { try await Self.build() } }
            try await task!.value
        }
        static func build() async throws {
            try await withDatabase(DatabaseFixture.superuser) { db in
                _ = try await db.query("DROP DATABASE IF EXISTS portico_template")
                _ = try await db.query("CREATE DATABASE portico_template OWNER portico_owner")
            }
            let owner = PostgresConnectionSettings(
                host: "127.0.0.1", port: 55432, username: "portico_owner", password: "ownerpw", database: "portico_template"
            )
            try await Migrator(owner: owner, appRole: "portico_app", logger: testLogger).migrate()
        }
    }
}
