public import LocalPostgres
public import Logging
import NIOCore
public import PostgresNIO

/// Portico's access to PostgreSQL, as the app role (subject to row-level security).
///
/// Tenant data is touched only inside `withContext`, which runs one transaction with
/// the caller's context set first. `query` runs a single statement without context,
/// for the SECURITY DEFINER functions and `login_attempts`. `run()` must be running
/// (the server runs it in its task group) for either to get a connection.
public final class Database: Sendable {
    /// Bounds that make a call fail within seconds when PostgreSQL is down.
    public struct Options: Sendable {
        /// How long a call waits for a pooled connection before failing with
        /// `DatabaseError.connectionTimeout` (gRPC `UNAVAILABLE`).
        public var leaseTimeout: Duration = .seconds(5)
        /// How long opening one TCP connection may take.
        public var connectTimeout: Duration = .seconds(3)
        /// Upper bound of pooled connections.
        public var maximumConnections: Int = 20

        public init() {}
    }

    let client: PostgresClient
    let leaser: ConnectionLeaser
    let logger: Logger
    let username: String

    public init(settings: PostgresConnectionSettings, logger: Logger, options: Options = .init()) {
        var configuration = settings.clientConfiguration()
        configuration.options.connectTimeout = options.connectTimeout
        configuration.options.maximumConnections = options.maximumConnections
        let eventLoopGroup = PostgresClient.defaultEventLoopGroup
        let client = PostgresClient(
            configuration: configuration,
            eventLoopGroup: eventLoopGroup,
            backgroundLogger: logger
        )
        self.client = client
        self.leaser = ConnectionLeaser(
            client: client,
            eventLoop: eventLoopGroup.any(),
            timeout: options.leaseTimeout
        )
        self.logger = logger
        self.username = settings.username
    }

    /// Runs the connection pool until the calling task is cancelled (or a graceful
    /// shutdown of the surrounding service group begins).
    public func run() async {
        await client.run()
    }

    /// Runs `body` in one transaction whose first statement sets `context`
    /// (`portico.tenant_id`, `user_id`, `role`, `client_id`). Commits when `body`
    /// returns, rolls back when it throws, and rethrows `body`'s error as it is. Map
    /// errors with `PostgresErrorMapping`.
    @discardableResult
    public func withContext<T: Sendable>(
        _ context: DatabaseContext,
        _ body: (DatabaseConnection) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        return try await leaser.withConnection { connection in
            try await connection.guardedTransaction(logger: logger) {
                _ = try await connection.guardedQuery(context.settingQuery, logger: logger)
                return try await body(DatabaseConnection(connection: connection, logger: logger))
            }
        }
    }

    /// Runs one statement outside any context and returns all its rows. For the
    /// SECURITY DEFINER functions (`session_principal`, `login_candidate`,
    /// `bootstrap_operator`) and `login_attempts`; policy-guarded tables look empty
    /// here.
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await leaser.withConnection { connection in
            try await connection.guardedQuery(query, logger: logger).rows
        }
    }
}
