import Foundation
public import LocalPostgres
public import Logging
public import PorticoServer
import PostgresNIO

/// A database of its own for one test or suite, cloned from the migrated template.
public struct TestDatabase: Sendable {
    public var name: String
    /// `portico_owner` on this database: owns the schema.
    public var owner: PostgresConnectionSettings
    /// `portico_app` on this database: what the server's queries run as.
    public var app: PostgresConnectionSettings
    /// The superuser on this database, for inspecting catalogs in tests.
    public var superuser: PostgresConnectionSettings

    /// Where a server under test finds this database.
    public var location: DatabaseLocation { .external(appURL: app.url, ownerURL: owner.url) }
}

/// The one throwaway PostgreSQL of a test process.
///
/// Swift Testing runs suites in parallel in one process; they all share this cluster,
/// started on first use in a temporary folder, and each takes a fresh database cloned
/// from a template migrated once. The cluster is ephemeral: its watchdog stops it and
/// deletes the folder when the test process exits, however it exits. When PostgreSQL
/// cannot start, every test that needs it fails with the reason; none is skipped.
public actor TestPostgres {
    public static let shared = TestPostgres()

    public static let templateName = "portico_template"

    private var startup: Task<RunningPostgresCluster, any Error>?
    private var createdDatabases = 0

    /// The running cluster, started by the first caller.
    public func cluster() async throws -> RunningPostgresCluster {
        if let startup { return try await startup.value }
        let task = Task { try await Self.startCluster() }
        startup = task
        return try await task.value
    }

    /// A new database, a copy of the migrated template, owned by `portico_owner`.
    public func freshDatabase() async throws -> TestDatabase {
        try await newDatabase(template: Self.templateName)
    }

    /// A new database without the `portico` schema (a copy of `template0`), owned by
    /// `portico_owner`: for testing migrations themselves.
    public func emptyDatabase() async throws -> TestDatabase {
        try await newDatabase(template: "template0")
    }

    private func newDatabase(template: String) async throws -> TestDatabase {
        let cluster = try await cluster()
        createdDatabases += 1
        let name = "portico_test_\(createdDatabases)"
        try await Self.clone(template, as: name, in: cluster)
        return TestDatabase(
            name: name,
            owner: cluster.owner.with(database: name),
            app: cluster.app.with(database: name),
            superuser: cluster.superuser.with(database: name)
        )
    }

    public static let logger: Logger = {
        var logger = Logger(label: "portico.tests.postgres")
        logger.logLevel = .warning
        return logger
    }()

    private static func startCluster() async throws -> RunningPostgresCluster {
        do {
            let installation = try await PostgresInstallation.locate()
            let folder = (NSTemporaryDirectory() as NSString)
                .appendingPathComponent("portico-test-postgres-\(getpid())-\(UInt32.random(in: 0 ... .max))")
            let cluster = try await LocalPostgresCluster(
                dataDirectory: folder,
                installation: installation,
                isEphemeral: true
            ).start(logger: logger)
            try await createTemplate(in: cluster)
            return cluster
        } catch {
            throw TestPostgresError(reason: error)
        }
    }

    /// The template is migrated once and then closed to connections: `CREATE DATABASE
    /// ... TEMPLATE` fails while anyone is connected to the template.
    private static func createTemplate(in cluster: RunningPostgresCluster) async throws {
        let owner = LocalPostgresCluster.ownerRole
        let superuser = cluster.superuser.with(database: "postgres")
        try await superuser.withConnection(logger: logger) { connection in
            try await connection.query(
                "CREATE DATABASE \(unescaped: templateName) OWNER \(unescaped: owner) ENCODING 'UTF8' TEMPLATE template0",
                logger: logger
            )
        }
        try await Migrator(
            owner: cluster.owner.with(database: templateName),
            appRole: LocalPostgresCluster.appRole,
            logger: logger
        ).migrate()
        try await superuser.withConnection(logger: logger) { connection in
            try await connection.query(
                "ALTER DATABASE \(unescaped: templateName) WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
                logger: logger
            )
        }
    }

    private static func clone(_ template: String, as name: String, in cluster: RunningPostgresCluster) async throws {
        let owner = LocalPostgresCluster.ownerRole
        try await cluster.superuser.with(database: "postgres").withConnection(logger: logger) { connection in
            try await connection.query(
                "CREATE DATABASE \(unescaped: name) TEMPLATE \(unescaped: template) OWNER \(unescaped: owner)",
                logger: logger
            )
        }
    }
}

/// PostgreSQL for the tests could not be started; the reason says why.
public struct TestPostgresError: Error, CustomStringConvertible {
    public var reason: any Error

    public var description: String {
        "the tests' PostgreSQL could not be started: \(PostgresErrorMapping.logDescription(of: reason))"
    }
}
