public import Logging
// PostgresNIO re-exports NIOSSL (TLSConfiguration, NIOSSLContext, CertificateVerification).
public import PostgresNIO

extension PostgresConnectionSettings {
    /// A postgres-nio client configuration for these settings, with postgres-nio's default
    /// pool options (the caller may adjust `options`).
    public func clientConfiguration() -> PostgresClient.Configuration {
        PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: clientTLS
        )
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        guard let tls = tlsConfiguration else { return .disable }
        return tlsMode == .prefer ? .prefer(tls) : .require(tls)
    }

    /// A postgres-nio configuration for a single connection (see ``withConnection(logger:_:)``).
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var tls = PostgresConnection.Configuration.TLS.disable
        if let tlsConfiguration {
            let context = try NIOSSLContext(configuration: tlsConfiguration)
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        }
        return PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
    }

    /// The TLS settings for ``tlsMode``; nil for `disable`. `prefer` and `require` check
    /// no certificate, as libpq does; the `verify-` modes check against the system's
    /// trusted roots.
    private var tlsConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    /// Runs `body` on one connection that is closed when it returns: for work that needs
    /// one session (setup, tests of per-session settings), not for the server's queries.
    @discardableResult
    public func withConnection<Result: Sendable>(
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await PostgresConnection.connect(
            configuration: try connectionConfiguration(),
            id: 1,
            logger: logger
        )
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `body` with a client for these settings that lives only as long as the call:
    /// for one-off work such as setup and tests, not for the server's pool.
    @discardableResult
    public func withClient<Result: Sendable>(
        logger: Logger,
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var configuration = clientConfiguration()
        configuration.options.maximumConnections = 2
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
