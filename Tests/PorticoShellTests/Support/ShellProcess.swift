import Foundation
import TestSupport

/// The built `portico-shell` run as a child process with a script on its standard
/// input (not a terminal: no prompt, no colour), as an operator's script would run it.
struct ShellRun: Sendable {
    var status: Int32
    var output: String
    var error: String
}

enum ShellProcess {
    /// Runs `portico-shell --server 127.0.0.1:PORT ARGUMENTS` with `script` as its
    /// standard input and waits for it to exit.
    /// With `until`, the shell is stopped (SIGTERM) as soon as its output satisfies it:
    /// for calls that never end, like a health watch.
    static func run(
        port: Int, arguments: [String] = [], script: String, until: (@Sendable (String) -> Bool)? = nil
    ) async throws -> ShellRun {
        let folder = TemporaryFolder("shell-run")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let paths = (input: folder.appending("stdin"), output: folder.appending("stdout"), error: folder.appending("stderr"))
        try script.write(toFile: paths.input, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: paths.output, contents: nil)
        _ = FileManager.default.createFile(atPath: paths.error, contents: nil)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["--server", "127.0.0.1:\(port)"] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PORTICO_") }
        process.standardInput = FileHandle(forReadingAtPath: paths.input)
        process.standardOutput = FileHandle(forWritingAtPath: paths.output)
        process.standardError = FileHandle(forWritingAtPath: paths.error)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning {
            if let until, until((try? String(contentsOfFile: paths.output, encoding: .utf8)) ?? "") {
                process.terminate()
                process.waitUntilExit()
                break
            }
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw ShellProcessError(description: "portico-shell did not finish within 60 seconds")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return ShellRun(
            status: process.terminationStatus,
            output: try String(contentsOfFile: paths.output, encoding: .utf8),
            error: try String(contentsOfFile: paths.error, encoding: .utf8)
        )
    }

    /// The built `portico-shell` (or `PORTICO_SHELL_EXECUTABLE`).
    static func executable() throws -> URL {
        try ExternalProgram.built("portico-shell", override: "PORTICO_SHELL_EXECUTABLE")
    }
}

struct ShellProcessError: Error, CustomStringConvertible {
    var description: String
}
