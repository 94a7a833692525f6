import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
import PostgresTestSupport
import TestSupport

extension ServerProcess {
    /// The built `portico-server` (or `PORTICO_SERVER_EXECUTABLE`).
    static func executable() throws -> URL {
        try ExternalProgram.built("portico-server", override: "PORTICO_SERVER_EXECUTABLE")
    }

    /// The tests' environment without any Portico setting a developer's shell may
    /// carry (a real PORTICO_MAIL_COMMAND must never run here), plus the in-process test
    /// servers' operator login and `extra`.
    static func childEnvironment(adding extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("PORTICO_") && key != "DATABASE_URL"
        }
        environment["PORTICO_OPERATOR_EMAIL"] = "operator@portico.test"
        environment["PORTICO_OPERATOR_PASSWORD"] = Fixtures.operatorPassword
        return environment.merging(extra) { $1 }
    }

    /// Reads the port from the "serving address=…:PORT" log line (the process was
    /// given port 0, so there is no port to collide on).
    func waitForServingPort(within timeout: Duration) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            for line in errorOutput.split(separator: "\n") where line.contains("serving") {
                if let range = line.range(of: #"address=\S*:(\d+)"#, options: .regularExpression),
                   let port = Int(line[range].split(separator: ":").last ?? "") {
                    return port
                }
            }
            guard isRunning else { throw ServerProcessError(description: "it exited early") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServerProcessError(description: "no 'serving' log line within \(timeout)")
    }

    /// Polls the gRPC health check until it answers SERVING.
    func waitUntilHealthy(within timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        try await withClient { client in
            let health = Grpc_Health_V1_Health.Client(wrapping: client)
            while true {
                let status = try? await health.check(Grpc_Health_V1_HealthCheckRequest()).status
                if status == .serving { return }
                guard isRunning else { throw ServerProcessError(description: "it exited early") }
                guard ContinuousClock.now < deadline else {
                    throw ServerProcessError(description: "its health check did not say SERVING within \(timeout)")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}

/// Starts `count` server processes on one database, runs `body` with them, then stops
/// them all (SIGTERM, then SIGKILL) and removes their folders, also when `body` throws.
/// A failing `body` gets the processes' logs appended to its error.
func withServerProcesses<T: Sendable>(
    _ count: Int, database: TestDatabase, mailCommand: String? = nil, arguments: [String] = [],
    _ body: ([ServerProcess]) async throws -> T
) async throws -> T {
    var servers: [ServerProcess] = []
    defer { servers.forEach { $0.kill(); $0.removeFiles() } }
    for _ in 0..<count {
        servers.append(try await ServerProcess.start(database: database, mailCommand: mailCommand, arguments: arguments))
    }
    do {
        let result = try await body(servers)
        for server in servers { await server.stop() }
        return result
    } catch {
        throw ServerProcessError(description: "\(error)\n" + servers.map(\.errorTail).joined(separator: "\n"))
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var description: String
}
