#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemSupport

/// Runs a program to completion and collects its output (stdout and stderr together).
///
/// Not Foundation's `Process`: on Linux it hands every child one end of a socket pair and
/// learns of the exit when that socket closes, so a child that starts a daemon (`pg_ctl
/// start`) looks alive for as long as the daemon runs. Here the child gets stdin from
/// /dev/null, its output in an unlinked temporary file, no other descriptor of ours (a
/// daemon must not hold the server's sockets open), default signal handling and its own
/// process group (a Ctrl-C meant for the server does not reach it).
struct ChildProcess {
    struct Outcome: Sendable {
        /// The exit code, or 128 + the signal number when a signal ended it (as shells do).
        var status: Int32
        var output: String
    }

    static func run(
        _ command: [String],
        environment: [String: String]
    ) async throws(LocalPostgresClusterError) -> Outcome {
        precondition(!command.isEmpty, "a command needs a program")
        let outputFile: Int32
        do {
            outputFile = try ProcessSpawn.unlinkedTemporaryFile("output")
        } catch {
            throw LocalPostgresClusterError(.commandFailed, error.reason)
        }
        defer { close(outputFile) }
        let pid = try spawn(command, environment: environment, outputFile: outputFile)
        // Without a deadline the wait ends only with the child.
        let status = await ProcessSpawn.waitForExit(pid)?.shellStatus ?? 255
        return Outcome(status: status, output: String(decoding: ProcessSpawn.readAll(outputFile), as: UTF8.self))
    }

    private static func spawn(
        _ command: [String],
        environment: [String: String],
        outputFile: Int32
    ) throws(LocalPostgresClusterError) -> pid_t {
        do {
            return try ProcessSpawn.spawn(
                command, environment: environment,
                input: .devNull, output: .descriptor(outputFile), errorOutput: .descriptor(outputFile)
            )
        } catch {
            throw LocalPostgresClusterError(.commandFailed, "could not run \(command[0]): \(error.reason)")
        }
    }

    static func systemError(_ call: String) -> LocalPostgresClusterError {
        LocalPostgresClusterError(.commandFailed, "\(call) failed: \(String(cString: strerror(errno)))")
    }
}
