#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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
        let outputFile = try temporaryOutputFile()
        defer { close(outputFile) }
        let pid = try spawn(command, environment: environment, outputFile: outputFile)
        let status = await waitForExit(pid)
        return Outcome(status: status, output: readAll(outputFile))
    }

    private static func temporaryOutputFile() throws(LocalPostgresClusterError) -> Int32 {
        var template = Array((NSTemporaryDirectory() as NSString)
            .appendingPathComponent("portico-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw systemError("mkstemp") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
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

    /// Polls rather than blocking a thread in `waitpid`: these programs run for
    /// milliseconds to seconds, and the cooperative pool has few threads.
    private static func waitForExit(_ pid: pid_t) async -> Int32 {
        var delay = 1
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if result < 0 && errno != EINTR { return 255 }
            // Not cancellable: giving up would leave a zombie behind. A cancelled task's
            // sleep returns at once, so it waits by blocking instead.
            if Task.isCancelled {
                usleep(UInt32(delay * 1000))
            } else {
                try? await Task.sleep(for: .milliseconds(delay))
            }
            delay = min(delay * 2, 50)
        }
    }

    private static func readAll(_ descriptor: Int32) -> String {
        lseek(descriptor, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func systemError(_ call: String) -> LocalPostgresClusterError {
        LocalPostgresClusterError(.commandFailed, "\(call) failed: \(String(cString: strerror(errno)))")
    }
}
