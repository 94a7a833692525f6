import Foundation
import Logging
import PorticoAPI
@testable import PorticoServer
import PostgresNIO
import PostgresTestSupport
import TestSupport

/// A real Portico server (in process, on a fresh database and a free loopback port)
/// for scripted `portico-shell` sessions, which talk to it over HTTP/2 as operators do.
struct ShellTestServer: Sendable {
    let port: Int
    let database: TestDatabase

    static let operatorEmail = "operator@portico.test"
    static let operatorPassword = "operator password for shell tests"
    /// The password of users `userWithTemporaryPassword` creates.
    static let temporaryPassword = "a temporary password to change"

    /// An operator login whose password must be changed at the next sign-in.
    func userWithTemporaryPassword(email: String) async throws {
        let hash = try await PasswordHasher(cost: 4).hash(Self.temporaryPassword)
        let expiry = Date(timeIntervalSinceNow: 3600)
        try await withOwnerConnection { connection in
            let rows = try await connection.query(
                """
                INSERT INTO portico.auth_users
                    (email, display_name, password_hash, password_is_temporary, temporary_password_expires_at)
                VALUES (\(email), \("Second Operator"), \(hash), true, \(expiry)) RETURNING id
                """,
                logger: quietLogger
            )
            for try await id in rows.decode(UUID.self) {
                try await connection.query("INSERT INTO portico.operators (user_id) VALUES (\(id))", logger: quietLogger)
            }
        }
    }

    /// The tenants and memberships of `loginInTwoTenants`.
    struct TwoTenants {
        var alpha: UUID, beta: UUID
        var alphaMembership: UUID, betaMembership: UUID
    }

    /// A login that is ADMIN of "Alpha Co" and OWNER at "Beta Co"'s client "Harbor
    /// Hotels", with `password` (not temporary).
    func loginInTwoTenants(email: String, password: String) async throws -> TwoTenants {
        let hash = try await PasswordHasher(cost: 4).hash(password)
        let ids = TwoTenants(alpha: UUID(), beta: UUID(), alphaMembership: UUID(), betaMembership: UUID())
        let client = UUID()
        let user = UUID()
        try await withOwnerConnection { connection in
            let statements: [PostgresQuery] = [
                "INSERT INTO portico.tenants (id, name) VALUES (\(ids.alpha), 'Alpha Co'), (\(ids.beta), 'Beta Co')",
                "INSERT INTO portico.clients (tenant_id, id, name) VALUES (\(ids.beta), \(client), 'Harbor Hotels')",
                """
                INSERT INTO portico.auth_users (id, email, display_name, password_hash)
                VALUES (\(user), \(email), 'Dual Person', \(hash))
                """,
                """
                INSERT INTO portico.memberships (tenant_id, id, user_id, client_id, role) VALUES
                    (\(ids.alpha), \(ids.alphaMembership), \(user), NULL, 'ADMIN'),
                    (\(ids.beta), \(ids.betaMembership), \(user), \(client), 'OWNER')
                """,
            ]
            for statement in statements { try await connection.query(statement, logger: quietLogger) }
        }
        return ids
    }

    /// A site "Lobby" of Beta Co's client and an OPEN work order there, WO-1001
    /// "Leaking tap"; returns the work order's id.
    func workOrderAtBeta(_ tenants: TwoTenants) async throws -> UUID {
        let location = UUID(), workOrder = UUID()
        try await withOwnerConnection { connection in
            let statements: [PostgresQuery] = [
                """
                INSERT INTO portico.locations (tenant_id, id, client_id, name)
                SELECT tenant_id, \(location), id, 'Lobby' FROM portico.clients WHERE tenant_id = \(tenants.beta)
                """,
                """
                INSERT INTO portico.work_orders (tenant_id, id, number, client_id, location_id, title, trade, priority, status)
                SELECT tenant_id, \(workOrder), 1001, client_id, id, 'Leaking tap', 'PLUMBING', 'NORMAL', 'OPEN'
                FROM portico.locations WHERE id = \(location)
                """,
                """
                INSERT INTO portico.work_order_events (tenant_id, work_order_id, by_name, to_status)
                VALUES (\(tenants.beta), \(workOrder), 'Alpha Admin', 'OPEN')
                """,
            ]
            for statement in statements { try await connection.query(statement, logger: quietLogger) }
        }
        return workOrder
    }

    private func withOwnerConnection(_ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: database.owner.connectionConfiguration(), id: 1, logger: quietLogger
        )
        do {
            try await body(connection)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Runs `body` against a fresh server, then shuts it down (also when `body` throws).
func withShellTestServer<Result: Sendable>(_ body: (ShellTestServer) async throws -> Result) async throws -> Result {
    let database = try await TestPostgres.shared.freshDatabase()
    let spool = TemporaryFolder("shell-mail")
    defer { spool.remove() }
    var options = Database.Options()
    options.maximumConnections = 4
    let configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, database: database.location, databaseOptions: options,
        passwordHashCost: 4,
        operatorBootstrap: OperatorBootstrap(email: ShellTestServer.operatorEmail, password: ShellTestServer.operatorPassword),
        healthCheckInterval: .milliseconds(200),
        mail: MailSettings(spoolDirectory: spool.path, pollInterval: .milliseconds(100))
    )
    let server = PorticoServer(configuration: configuration, logger: quietLogger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { server.beginGracefulShutdown() }
        let port = try await server.listeningPort
        return try await body(ShellTestServer(port: port, database: database))
    }
}

/// The test server logs warnings and worse only.
let quietLogger: Logger = {
    var logger = Logger(label: "portico.shell-test")
    logger.logLevel = .warning
    return logger
}()
