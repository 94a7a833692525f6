import Logging
import PostgresNIO

/// Makes sure a started local cluster has Portico's roles and database.
///
/// Runs at every start, not only the first: it is idempotent and cheap, and it repairs a
/// creation that was interrupted after `initdb` (or a password changed by hand).
enum ClusterRoles {
    /// How long to keep trying to connect after `pg_ctl` reported the server ready.
    static let connectTimeout: Duration = .seconds(30)

    static func setUp(
        _ cluster: RunningPostgresCluster,
        credentials: ClusterCredentials,
        logger: Logger
    ) async throws(LocalPostgresClusterError) {
        let superuser = cluster.superuser.with(database: "postgres")
        do {
            try await withRetriedConnection(superuser, logger: logger) { connection in
                try await ensureRole(LocalPostgresCluster.ownerRole, password: credentials.ownerPassword, on: connection, logger: logger)
                try await ensureRole(LocalPostgresCluster.appRole, password: credentials.appPassword, on: connection, logger: logger)
                try await ensureDatabase(on: connection, logger: logger)
            }
        } catch let error as LocalPostgresClusterError {
            throw error
        } catch {
            throw LocalPostgresClusterError(
                .setupFailed,
                "creating the Portico roles and database failed: \(PostgresErrorSummary.describe(error))\n"
                    + "last lines of the server log:\n\(cluster.logTail())",
                cause: error
            )
        }
    }

    /// Connects as `settings`, retrying until ``connectTimeout``: `pg_ctl` says "ready"
    /// when the postmaster is, which can be a moment before logins succeed.
    private static func withRetriedConnection(
        _ settings: PostgresConnectionSettings,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Void
    ) async throws {
        let deadline = ContinuousClock.now + connectTimeout
        while true {
            let connection: PostgresConnection
            do {
                connection = try await PostgresConnection.connect(
                    configuration: try settings.connectionConfiguration(),
                    id: 1,
                    logger: logger
                )
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                continue
            }
            do {
                try await body(connection)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
            return
        }
    }

    /// Creates `role` if missing and sets its attributes and password. The password
    /// travels as a bind parameter into a transaction-local setting, never into SQL text.
    private static func ensureRole(
        _ role: String,
        password: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT set_config('portico.setup_password', \(password), true)",
                logger: logger
            )
            try await connection.query(
                """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '\(unescaped: role)') THEN
                        CREATE ROLE \(unescaped: role);
                    END IF;
                    EXECUTE format(
                        'ALTER ROLE \(unescaped: role) WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L',
                        current_setting('portico.setup_password')
                    );
                END
                $$
                """,
                logger: logger
            )
        }
    }

    /// `CREATE DATABASE` cannot run in a transaction or a DO block, hence the check first.
    private static func ensureDatabase(on connection: PostgresConnection, logger: Logger) async throws {
        let database = LocalPostgresCluster.databaseName
        let owner = LocalPostgresCluster.ownerRole
        let rows = try await connection.query(
            "SELECT 1 FROM pg_catalog.pg_database WHERE datname = \(database)",
            logger: logger
        ).collect()
        if rows.isEmpty {
            try await connection.query(
                "CREATE DATABASE \(unescaped: database) OWNER \(unescaped: owner) ENCODING 'UTF8' TEMPLATE template0",
                logger: logger
            )
        } else {
            try await connection.query("ALTER DATABASE \(unescaped: database) OWNER TO \(unescaped: owner)", logger: logger)
        }
    }
}
