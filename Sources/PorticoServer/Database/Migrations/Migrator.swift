public import LocalPostgres
public import Logging
import NIOCore
import PostgresNIO

/// Brings the `portico` schema up to this binary's version, as the owner role.
///
/// Holds a session-level advisory lock on one owner connection for the whole run, so
/// servers starting together migrate one after the other (the later ones find nothing
/// left to do). Each missing migration runs, and is recorded in
/// `portico.schema_migrations`, in its own transaction. Afterwards the app role's
/// privileges are reset to exactly what this version needs.
public struct Migrator: Sendable {
    /// The lock's key: "portico" in ASCII, then 1. Advisory locks are per database.
    static let lockKey: Int64 = 0x706F_7274_6963_6F01

    public let owner: PostgresConnectionSettings
    public let appRole: String
    public let logger: Logger
    let migrations: [Migration]
    let connectTimeout: Duration

    /// - Parameters:
    ///   - owner: connects as the role that owns (or will own) the schema.
    ///   - appRole: the role the server's queries run as; it gets grants, nothing else.
    public init(owner: PostgresConnectionSettings, appRole: String, logger: Logger) {
        self.init(owner: owner, appRole: appRole, logger: logger, migrations: Migration.all)
    }

    init(
        owner: PostgresConnectionSettings,
        appRole: String,
        logger: Logger,
        migrations: [Migration],
        connectTimeout: Duration = .seconds(10)
    ) {
        self.owner = owner
        self.appRole = appRole
        self.logger = logger
        self.migrations = migrations
        self.connectTimeout = connectTimeout
    }

    /// Applies every missing migration and the app role's grants. Throws
    /// `MigrationError` when the database is newer than this binary or disagrees
    /// about history, PostgreSQL errors as they come.
    public func migrate() async throws {
        let eventLoopGroup = PostgresClient.defaultEventLoopGroup
        var configuration = owner.clientConfiguration()
        configuration.options.maximumConnections = 1
        let client = PostgresClient(
            configuration: configuration, eventLoopGroup: eventLoopGroup, backgroundLogger: logger
        )
        let leaser = ConnectionLeaser(
            client: client, eventLoop: eventLoopGroup.any(), timeout: connectTimeout
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await leaser.withConnection { connection in
                try await self.migrateHoldingLock(on: connection)
            }
        }
    }

    private func migrateHoldingLock(on connection: PostgresConnection) async throws {
        try await connection.run("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
        do {
            try await migrate(on: connection)
        } catch {
            try? await connection.run("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
            throw error
        }
        try await connection.run("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
    }

    private func migrate(on connection: PostgresConnection) async throws {
        try await createBookkeeping(on: connection)
        let applied = try await appliedMigrations(on: connection)
        try checkHistory(applied)
        for migration in migrations where applied[migration.version] == nil {
            try await apply(migration, on: connection)
        }
        try await grantAppRole(on: connection)
    }
}

extension PostgresConnection {
    /// Runs one statement, ignoring its rows.
    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await guardedQuery(query, logger: logger)
    }
}
