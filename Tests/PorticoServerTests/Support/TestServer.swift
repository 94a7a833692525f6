import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import PorticoAPI
@testable import PorticoServer
import PostgresNIO
import PostgresTestSupport
import TestSupport

/// A real Portico server for one test: a fresh database cloned from the migrated
/// template, gRPC over HTTP/2 on a free loopback port, and a client connected to it.
struct TestServer: Sendable {
    let server: PorticoServer
    let database: TestDatabase
    let client: GRPCClient<HTTP2ClientTransport.Posix>
    let port: Int
    /// The server's scrypt cost: fixtures hash at the same cost, as real logins would.
    let passwordHashCost: Int
    /// Where this server delivers email (a fresh temporary folder per server, unless
    /// `configure` changed `mail`): `waitForMessage(to:)` reads invite emails.
    let mailSpool: MailSpool

    /// A small pool: many test servers share one PostgreSQL at the same time.
    static var databaseOptions: Database.Options {
        var options = Database.Options()
        options.maximumConnections = 8
        return options
    }

    /// The scrypt cost tests use: the real scheme, a fraction of the work.
    static let passwordHashCost = 4

    var auth: Portico_V1_Auth.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }
    var operators: Portico_V1_Operator.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }
    var health: Grpc_Health_V1_Health.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }
    var fixtures: Fixtures { Fixtures(owner: database.owner, hasher: PasswordHasher(cost: passwordHashCost)) }
}

/// Runs `body` against a fresh server, then shuts it down (also when `body` throws).
/// At most a few test servers run at once (`TestServerSlots`).
/// With `sharing`, the server uses that database instead of a fresh one: a second
/// instance of the same deployment.
func withTestServer<Result: Sendable>(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    logger: Logger? = nil,
    sharing shared: TestDatabase? = nil,
    _ body: (TestServer) async throws -> Result
) async throws -> Result {
    if shared != nil {
        // The first instance holds a slot already; waiting for another could deadlock.
        return try await runTestServer(configure: configure, logger: logger, database: shared, body)
    }
    return try await TestServerSlots.shared.withSlot {
        try await runTestServer(configure: configure, logger: logger, database: nil, body)
    }
}

private func runTestServer<Result: Sendable>(
    configure: (inout ServerConfiguration) -> Void,
    logger: Logger?,
    database shared: TestDatabase?,
    _ body: (TestServer) async throws -> Result
) async throws -> Result {
    let database: TestDatabase
    if let shared { database = shared } else { database = try await TestPostgres.shared.freshDatabase() }
    let spool = TemporaryFolder("mail")
    defer { spool.remove() }
    var configuration = ServerConfiguration(
        host: "127.0.0.1", port: 0, database: database.location,
        databaseOptions: TestServer.databaseOptions,
        passwordHashCost: TestServer.passwordHashCost,
        operatorBootstrap: OperatorBootstrap(email: "operator@portico.test", password: Fixtures.operatorPassword),
        healthCheckInterval: .milliseconds(200),
        mail: MailSettings(spoolDirectory: spool.path, pollInterval: .milliseconds(100))
    )
    configure(&configuration)
    let passwordHashCost = configuration.passwordHashCost
    let mailSpool = MailSpool(path: configuration.mail.spoolDirectory)
    let server = PorticoServer(configuration: configuration, logger: logger ?? quietLogger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        defer { server.beginGracefulShutdown() }
        let port = try await server.listeningPort
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext
        )
        return try await withGRPCClient(transport: transport) { client in
            try await body(TestServer(
                server: server, database: database, client: client, port: port,
                passwordHashCost: passwordHashCost, mailSpool: mailSpool
            ))
        }
    }
}

/// Call metadata carrying a session token.
/// Every page of a keyset list, first to last: `list` gets `request`, then the same
/// request with each page's next token, until a page has none.
func everyPage<Request, Item>(
    _ request: Request, token: WritableKeyPath<Request, String>,
    _ list: (Request) async throws -> (items: [Item], next: String)
) async throws -> [[Item]] {
    var request = request
    var pages: [[Item]] = []
    repeat {
        let page = try await list(request)
        pages.append(page.items)
        request[keyPath: token] = page.next
    } while !request[keyPath: token].isEmpty
    return pages
}

func bearer(_ token: String) -> Metadata {
    ["authorization": "Bearer \(token)"]
}

extension TestServer {
    /// Signs in and returns the session token.
    func signIn(email: String, password: String = Fixtures.password, tenantID: String = "") async throws -> String {
        try await login(email: email, password: password, tenantID: tenantID).session.token
    }

    func login(email: String, password: String = Fixtures.password, tenantID: String = "") async throws -> Portico_V1_LoginResponse {
        var request = Portico_V1_LoginRequest()
        request.email = email
        request.password = password
        request.tenantId = tenantID
        return try await auth.login(request)
    }

    func whoAmI(_ token: String) async throws -> Portico_V1_WhoAmIResponse {
        try await auth.whoAmI(Portico_V1_WhoAmIRequest(), metadata: bearer(token))
    }
}

/// The status code a call failed with; nil when it succeeded.
func statusCode(of call: () async throws -> some Any) async -> RPCError.Code? {
    do {
        _ = try await call()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return .unknown
    }
}

/// The error a call failed with (code and message), or nil.
func rpcError(of call: () async throws -> some Any) async -> RPCError? {
    do {
        _ = try await call()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return RPCError(code: .unknown, message: "\(error)")
    }
}

/// Test servers log warnings and worse only.
let quietLogger: Logger = {
    var logger = Logger(label: "portico.test")
    logger.logLevel = .warning
    return logger
}()
