import ArgumentParser
import Foundation
import PorticoServer
import ServiceLifecycle

/// Serves the gRPC API until SIGINT or SIGTERM, then shuts down gracefully.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the gRPC API (the default).")

    @OptionGroup var invites: InviteOptions

    @Option(help: "Address to listen on. [env: PORTICO_HOST, default: 127.0.0.1]")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one. [env: PORTICO_PORT, default: 50051]")
    var port: Int?

    @Option(name: .customLong("password-hash-cost"), help: """
        scrypt cost: N = 2^cost. [env: PORTICO_PASSWORD_HASH_COST, default: 15]
        """)
    var passwordHashCost: Int?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var mail: MailOptions

    func run() async throws {
        let logger = try database.makeLogger()
        var configuration = try makeConfiguration()
        configuration.invites = try invites.settings()
        let server = PorticoServer(configuration: configuration, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    func makeConfiguration() throws -> ServerConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let port = try port ?? environment["PORTICO_PORT"].map { try Self.integer($0, name: "PORTICO_PORT") } ?? 50051
        guard (0...65535).contains(port) else { throw ValidationError("port must be between 0 and 65535") }
        let cost = try passwordHashCost
            ?? environment["PORTICO_PASSWORD_HASH_COST"].map { try Self.integer($0, name: "PORTICO_PASSWORD_HASH_COST") }
            ?? PasswordHashingDefaults.cost
        guard (10...20).contains(cost) else { throw ValidationError("password hash cost must be between 10 and 20") }
        return ServerConfiguration(
            host: host ?? environment["PORTICO_HOST"] ?? "127.0.0.1",
            port: port,
            database: database.location,
            passwordHashCost: cost,
            operatorBootstrap: OperatorBootstrap(
                email: environment["PORTICO_OPERATOR_EMAIL"] ?? "operator@portico.local",
                password: environment["PORTICO_OPERATOR_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ),
            logLevel: try database.resolvedLogLevel(),
            mail: try mail.settings()
        )
    }

    static func integer(_ text: String, name: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("\(name) must be an integer, not '\(text)'") }
        return value
    }
}
