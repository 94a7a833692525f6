import Foundation
import Logging
import PorticoServer

/// A real Portico server for the interactive test, in this process: its own throwaway
/// PostgreSQL cluster (the server creates it in a temporary folder, starts it and
/// stops it on shutdown), gRPC on a free loopback port, and a known operator login.
enum InteractiveServer {
    static let operatorEmail = "operator@portico.test"
    /// No spaces, so it cannot hide in the history file's escaped form (`\040`).
    static let operatorPassword = "Interactive-Secret-4711"

    /// Runs `body` with the port of a running server, then shuts the server down and
    /// deletes its data (also when `body` throws).
    static func with<Result: Sendable>(
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        let folder = TerminalTestFolder("shell-server")
        defer { folder.remove() }
        let server = PorticoServer(configuration: configuration(in: folder), logger: quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { server.beginGracefulShutdown() }
            let port = try await server.listeningPort
            return try await body(port)
        }
    }

    private static func configuration(in folder: TerminalTestFolder) -> ServerConfiguration {
        ServerConfiguration(
            host: "127.0.0.1", port: 0,
            database: .localCluster(dataDirectory: folder.appending("data")),
            // The real password scheme at a fraction of the work.
            passwordHashCost: 4,
            operatorBootstrap: OperatorBootstrap(email: operatorEmail, password: operatorPassword),
            logLevel: .warning,
            mail: MailSettings(spoolDirectory: folder.appending("mail"))
        )
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "portico.shell-tests.server")
        logger.logLevel = .warning
        return logger
    }()
}
