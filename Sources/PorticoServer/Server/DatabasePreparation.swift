import LocalPostgres
public import Logging

/// Gets the database ready before the server serves: starts the local cluster when
/// no database is configured, applies the migrations as the schema owner, and says
/// which connection the server's queries use.
struct PreparedDatabase: Sendable {
    /// The app role: what every server query runs as.
    var app: PostgresConnectionSettings
    /// The local cluster the server started, to stop when it exits.
    var cluster: RunningPostgresCluster?

    static func prepare(_ location: DatabaseLocation, logger: Logger) async throws -> PreparedDatabase {
        switch location {
        case .localCluster(let dataDirectory):
            let cluster = try await LocalPostgresCluster(
                dataDirectory: dataDirectory, installation: try await PostgresInstallation.locate()
            ).start(logger: logger)
            do {
                try await migrate(owner: cluster.owner, app: cluster.app, logger: logger)
            } catch {
                try? await cluster.stop()
                throw error
            }
            return PreparedDatabase(app: cluster.app, cluster: cluster)
        case .external(let appURL, let ownerURL):
            let app = try PostgresConnectionSettings(url: appURL)
            let owner = try ownerURL.map(PostgresConnectionSettings.init(url:)) ?? app
            try await migrate(owner: owner, app: app, logger: logger)
            return PreparedDatabase(app: app, cluster: nil)
        }
    }

    private static func migrate(
        owner: PostgresConnectionSettings, app: PostgresConnectionSettings, logger: Logger
    ) async throws {
        logger.info("applying migrations", metadata: ["database": "\(owner.redactedDescription)"])
        try await Migrator(owner: owner, appRole: app.username, logger: logger).migrate()
    }
}

/// `portico-server migrate`: prepares the database as `run()` would, then stops a
/// local cluster it started.
public enum DatabaseMigration {
    public static func run(_ location: DatabaseLocation, logger: Logger) async throws {
        let prepared = try await PreparedDatabase.prepare(location, logger: logger)
        try await prepared.cluster?.stop()
    }
}
