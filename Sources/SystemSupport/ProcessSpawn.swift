#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif
import Foundation

/// Starts a child program the way the server's helpers need it (PostgreSQL's programs,
/// the mail command): its standard streams wired to the given descriptors or
/// `/dev/null`, no other descriptor of the server, default signal handling, nothing
/// blocked, and a process group of its own, so the caller can end it and whatever it
/// started at once.
package enum ProcessSpawn {
    /// Where one of the child's standard streams goes.
    package enum Stream {
        case devNull
        case descriptor(Int32)
    }

    /// `posix_spawn` refused; `reason` is its `strerror`.
    package struct Failure: Error {
        package let reason: String
    }

    /// Returns the child's process id. `command[0]` is an absolute path.
    package static func spawn(
        _ command: [String],
        environment: [String: String],
        input: Stream,
        output: Stream,
        errorOutput: Stream
    ) throws(Failure) -> pid_t {
        var actions = fileActions(input: input, output: output, errorOutput: errorOutput)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = spawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        let arguments = command.map { strdup($0) } + [nil]
        let environmentStrings = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + environmentStrings).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environmentStrings)
        guard result == 0 else { throw Failure(reason: String(cString: strerror(result))) }
        return pid
    }

    private static func fileActions(input: Stream, output: Stream, errorOutput: Stream) -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        for (stream, target, mode) in [(input, Int32(0), O_RDONLY), (output, 1, O_WRONLY), (errorOutput, 2, O_WRONLY)] {
            switch stream {
            case .devNull: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", mode, 0)
            case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            }
        }
        for descriptor in openDescriptorsAboveStandardStreams() {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        return actions
    }

    /// Default signal handling, nothing blocked, and a process group of its own.
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
}
