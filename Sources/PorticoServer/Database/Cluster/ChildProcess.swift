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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 1)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 2)
        for descriptor in openDescriptorsAboveStandardStreams() {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = spawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        let arguments = command.map { strdup($0) } + [nil]
        let environmentStrings = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + environmentStrings).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environmentStrings)
        guard result == 0 else {
            throw LocalPostgresClusterError(.commandFailed, "could not run \(command[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    private static func spawnAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        sigdelset(&defaultSignals, SIGKILL)
        sigdelset(&defaultSignals, SIGSTOP)
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        #if canImport(Darwin)
        flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        return attributes
    }

    /// Every descriptor above 2 that is open now. Closing one that another thread closes
    /// meanwhile is harmless: glibc's posix_spawn ignores EBADF for close actions. (On
    /// Darwin POSIX_SPAWN_CLOEXEC_DEFAULT does this job.)
    private static func openDescriptorsAboveStandardStreams() -> [Int32] {
        #if canImport(Glibc)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap(Int32.init).filter { $0 > 2 }
        #else
        return []
        #endif
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
