#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer
import PostgresTestSupport
import Synchronization
import TestSupport

/// A real `portico-server` executable running as a child process of the tests: for
/// what in-process servers cannot show (SIGKILL, several server processes on one
/// database). `swift build --build-tests` builds it next to the test bundle
/// (`PORTICO_SERVER_EXECUTABLE` overrides where it is looked for).
///
///     try await withServerProcesses(2, database: database) { servers in
///         try await servers[0].withClient { client in … }
///     }
///
/// Each process gets its own data and mail spool folders (`mailSpool`), port 0 (the port
/// it binds is read from its "serving" log line), and the operator login of the in-process
/// test servers. Its standard error goes to a file; `errorOutput` reads it, and start-up
/// failures include its end.
final class ServerProcess: @unchecked Sendable {
    /// The port it serves gRPC on.
    let port: Int
    /// Where it delivers email when it runs without a mail command.
    let mailSpool: MailSpool
    let folder: TemporaryFolder
    private let process: Process

    private init(port: Int, mailSpool: MailSpool, folder: TemporaryFolder, process: Process) {
        self.port = port
        self.mailSpool = mailSpool
        self.folder = folder
        self.process = process
    }

    /// Starts a server on `database` and returns once its health check says SERVING.
    /// `mailCommand` replaces the spool; `arguments` and `environment` add to the
    /// defaults (e.g. `["--mail-delivery", "off"]`, `["--mail-timeout", "2"]`).
    static func start(
        database: TestDatabase, mailCommand: String? = nil, arguments: [String] = [],
        environment: [String: String] = [:], startupTimeout: Duration = .seconds(60)
    ) async throws -> ServerProcess {
        let folder = TemporaryFolder("server-process")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let errorFile = folder.appending("stderr.log")
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = [
            "serve", "--host", "127.0.0.1", "--port", "0",
            "--database-url", database.app.url, "--owner-database-url", database.owner.url,
            "--password-hash-cost", "10", "--log-level", "info",
            "--mail-spool", folder.appending("mail"),
        ] + (mailCommand.map { ["--mail-command", $0] } ?? []) + arguments
        process.environment = childEnvironment(adding: environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: folder.appending("stdout.log"))
            ?? FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        let server = ServerProcess(
            port: 0, mailSpool: MailSpool(path: folder.appending("mail")), folder: folder, process: process
        )
        do {
            let port = try await server.waitForServingPort(within: startupTimeout)
            let started = ServerProcess(port: port, mailSpool: server.mailSpool, folder: folder, process: process)
            try await started.waitUntilHealthy(within: startupTimeout)
            return started
        } catch {
            server.kill()
            let failure = ServerProcessError(description: "portico-server did not start: \(error)\n\(server.errorTail)")
            server.removeFiles()
            throw failure
        }
    }

    /// Everything it wrote to standard error so far (its log).
    var errorOutput: String {
        (try? String(contentsOfFile: folder.appending("stderr.log"), encoding: .utf8)) ?? ""
    }

    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no graceful shutdown, nothing finished. Returns once it is gone.
    func kill() {
        if process.isRunning { signalProcess(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERM (graceful shutdown), SIGKILL after `timeout`. Returns its exit status.
    @discardableResult
    func stop(timeout: Duration = .seconds(20)) async -> Int32 {
        if process.isRunning { signalProcess(process.processIdentifier, SIGTERM) }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        kill()
        return process.terminationStatus
    }

    /// Removes its folders (the spool included); call after it stopped.
    func removeFiles() {
        folder.remove()
    }

    /// A gRPC client connected to it, for `body`.
    func withClient<T: Sendable>(
        _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> T
    ) async throws -> T {
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext
        )
        return try await withGRPCClient(transport: transport) { client in try await body(client) }
    }

    /// The last lines of its log, for failure messages.
    var errorTail: String {
        let lines = errorOutput.split(separator: "\n", omittingEmptySubsequences: false)
        return "portico-server stderr (last lines):\n" + lines.suffix(40).joined(separator: "\n")
    }
}

/// `kill(2)`, out of reach of `ServerProcess.kill()`'s name.
private func signalProcess(_ pid: Int32, _ signal: Int32) {
    _ = kill(pid, signal)
}
