import Logging
import PostgresNIO

extension Migrator {
    /// The schema and the bookkeeping table exist before any migration, so the
    /// migrator can read what was applied; migration 0001 then puts the table under
    /// row-level security like every other.
    func createBookkeeping(on connection: PostgresConnection) async throws {
        try await connection.run("CREATE SCHEMA IF NOT EXISTS portico", logger: logger)
        try await connection.run("""
            CREATE TABLE IF NOT EXISTS portico.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
    }

    /// Version → name of every recorded migration.
    func appliedMigrations(on connection: PostgresConnection) async throws -> [Int: String] {
        let rows = try await connection.guardedQuery(
            "SELECT version, name FROM portico.schema_migrations", logger: logger
        ).rows
        var applied: [Int: String] = [:]
        for row in rows {
            let (version, name) = try row.decode((Int, String).self)
            applied[version] = name
        }
        return applied
    }

    /// Refuses a database migrated by a newer binary (its schema may not work with
    /// this code) or one whose recorded names differ from this binary's.
    func checkHistory(_ applied: [Int: String]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0.name) })
        let latestKnown = migrations.last?.version ?? 0
        if let newest = applied.keys.max(), newest > latestKnown {
            throw MigrationError(
                code: .databaseIsNewer,
                message: "the database schema is at version \(newest), but this server "
                    + "knows versions up to \(latestKnown); run a newer server"
            )
        }
        for (version, name) in applied.sorted(by: { $0.key < $1.key }) where known[version] != name {
            throw MigrationError(
                code: .historyMismatch,
                message: "the database recorded migration \(version) as \"\(name)\", but "
                    + "this server's migration \(version) is \"\(known[version] ?? "missing")\""
            )
        }
    }

    /// One transaction: every statement, then the record.
    func apply(_ migration: Migration, on connection: PostgresConnection) async throws {
        logger.info("applying migration", metadata: [
            "version": "\(migration.version)", "name": "\(migration.name)",
        ])
        do {
            try await connection.guardedTransaction(logger: logger) {
                for statement in migration.statements {
                    try await connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.run("""
                    INSERT INTO portico.schema_migrations (version, name)
                    VALUES (\(migration.version), \(migration.name))
                    """, logger: logger)
            }
        } catch {
            throw MigrationError(
                code: .migrationFailed,
                message: "migration \(migration.version) \"\(migration.name)\" failed and was "
                    + "rolled back: \(PostgresErrorMapping.logDescription(of: error))",
                cause: error
            )
        }
    }
}
