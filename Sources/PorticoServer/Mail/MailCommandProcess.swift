#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SystemSupport

/// Runs one mail command: the message on standard input (a socket, so a command that
/// exits without reading can never raise SIGPIPE in the server), standard output
/// discarded, standard error in an unlinked temporary file, no other descriptor of the
/// server, its own process group (killed whole on timeout) and the server's environment
/// (msmtp finds its configuration through HOME).
enum MailCommandProcess {
    enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut

        init(_ termination: ProcessSpawn.Termination) {
            switch termination {
            case .exited(let code): self = .exited(code)
            case .signalled(let signal): self = .signalled(signal)
            }
        }
    }

    struct Outcome: Sendable {
        var termination: Termination
        var errorOutput: [UInt8]
    }

    static func run(_ command: [String], input: [UInt8], timeout: Duration) async throws(MailError) -> Outcome {
        let deadline = ContinuousClock.now + timeout
        let errorFile: Int32
        do {
            errorFile = try ProcessSpawn.unlinkedTemporaryFile("mail-stderr")
        } catch {
            throw MailError(.commandFailed, error.reason)
        }
        defer { close(errorFile) }
        var sockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0 else {
            throw systemFailure("socketpair")
        }
        let pid: pid_t
        do {
            defer { close(sockets[1]) }
            pid = try spawn(command, input: sockets[1], errorOutput: errorFile)
        } catch {
            close(sockets[0])
            throw error
        }
        let inputWritten = await feed(input, to: sockets[0], until: deadline)
        close(sockets[0])
        let termination: Termination
        if inputWritten, let ended = await ProcessSpawn.waitForExit(pid, until: deadline) {
            termination = Termination(ended)
        } else {
            await ProcessSpawn.killGroupAndReap(pid)
            termination = .timedOut
        }
        return Outcome(termination: termination, errorOutput: ProcessSpawn.readAll(errorFile))
    }

    /// Writes all of `input` unless the deadline passes first. A command that exits
    /// without reading everything is judged by its exit status, not by the short write.
    private static func feed(_ input: [UInt8], to socket: Int32, until deadline: ContinuousClock.Instant) async -> Bool {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
        var offset = 0
        while offset < input.count {
            let sent = input[offset...].withUnsafeBytes { sendWithoutSignal(socket, $0) }
            if sent > 0 {
                offset += sent
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                if ContinuousClock.now >= deadline { return false }
                try? await Task.sleep(for: .milliseconds(5))
            } else {
                return true
            }
        }
        return true
    }

    private static func sendWithoutSignal(_ socket: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        #if canImport(Glibc)
        Glibc.send(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(socket, bytes.baseAddress, bytes.count, 0)
        #endif
    }

    private static func spawn(_ command: [String], input: Int32, errorOutput: Int32) throws(MailError) -> pid_t {
        do {
            return try ProcessSpawn.spawn(
                command, environment: ProcessInfo.processInfo.environment,
                input: .descriptor(input), output: .devNull, errorOutput: .descriptor(errorOutput)
            )
        } catch {
            throw MailError(.commandFailed, "could not run the mail command: \(error.reason)")
        }
    }

    private static func systemFailure(_ call: String) -> MailError {
        MailError(.commandFailed, "\(call) failed: \(String(cString: strerror(errno)))")
    }
}
