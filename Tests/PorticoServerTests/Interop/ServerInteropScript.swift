import Foundation
import TestSupport

/// Runs `Tests/Interop/server_interop.py` (Python's grpcio) against a server.
///
/// The Python comes from `PORTICO_PYTHON`, which `Tools/test` sets to the project's
/// `.venv/bin/python` after installing grpcio, grpcio-tools, grpcio-health-checking and
/// grpcio-reflection there. Without it the interop tests fail instead of skipping: a
/// green run must mean grpcio talked to the server.
struct ServerInteropScript {
    /// How one run ended: stdout carries the JSON report, stderr the reasons.
    struct Run: Sendable {
        var exitCode: Int32
        var stdout: String
        var stderr: String

        /// The report on stdout.
        func report() throws -> JSONValue {
            do {
                return try JSONDecoder().decode(JSONValue.self, from: Data(stdout.utf8))
            } catch {
                throw SetupError(description: "server_interop.py printed no JSON report (exit \(exitCode)):\n\(stdout)\n\(stderr)")
            }
        }
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    let python: URL

    /// The script in `Tests/Interop/`, next to this test target's folder.
    static let scriptURL = URL(filePath: #filePath)
        .deletingLastPathComponent()  // Interop
        .deletingLastPathComponent()  // PorticoServerTests
        .deletingLastPathComponent()  // Tests
        .appending(path: "Interop/server_interop.py")

    /// The variable the script reads the login's password from.
    static let passwordVariable = "PORTICO_INTEROP_PASSWORD"

    init() throws {
        guard let path = ProcessInfo.processInfo.environment["PORTICO_PYTHON"], !path.isEmpty else {
            throw SetupError(description: """
                PORTICO_PYTHON is not set. Run the tests with Tools/test, which installs grpcio, \
                grpcio-tools, grpcio-health-checking and grpcio-reflection into .venv/ and \
                points PORTICO_PYTHON at .venv/bin/python.
                """)
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SetupError(description: "PORTICO_PYTHON=\(path) is not an executable file")
        }
        python = URL(filePath: path)
    }

    /// `check 127.0.0.1:PORT --email EMAIL`, the password in the environment.
    func check(port: Int, email: String, password: String) async throws -> Run {
        try await run(["check", "127.0.0.1:\(port)", "--email", email], environment: [Self.passwordVariable: password])
    }

    /// `wait-serving ADDRESS --timeout SECONDS`.
    func waitServing(address: String, timeout: Int) async throws -> Run {
        try await run(["wait-serving", address, "--timeout", String(timeout)])
    }

    /// Runs the script to completion without blocking a thread of the cooperative pool
    /// (the server under test answers on that pool): output goes to files, and the
    /// exit is awaited through the termination handler.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Run {
        let folder = TemporaryFolder("server-interop")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let stdoutURL = URL(filePath: folder.appending("stdout"))
        let stderrURL = URL(filePath: folder.appending("stderr"))
        _ = FileManager.default.createFile(atPath: stdoutURL.path(percentEncoded: false), contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path(percentEncoded: false), contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [Self.scriptURL.path(percentEncoded: false)] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let exitCode = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Run(
            exitCode: exitCode,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8)
        )
    }
}
