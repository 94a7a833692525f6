#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif
import Foundation

/// What the server's callers of `spawn` share: an unlinked file for a child's output,
/// reading it back, and waiting for the child without blocking the concurrency pool.
extension ProcessSpawn {
    /// How a child ended.
    package enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)

        /// The exit code, or 128 + the signal number (as shells report it).
        package var shellStatus: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }
    }

    /// A temporary file already unlinked: it vanishes with its last descriptor, however
    /// the server ends. `label` names it while it is created.
    package static func unlinkedTemporaryFile(_ label: String) throws(Failure) -> Int32 {
        var template = Array((NSTemporaryDirectory() as NSString)
            .appendingPathComponent("portico-\(label)-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(reason: "mkstemp failed: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    /// Everything written to `descriptor`, from its start.
    package static func readAll(_ descriptor: Int32) -> [UInt8] {
        lseek(descriptor, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }

    /// Polls rather than blocking a thread in `waitpid`: the children run for
    /// milliseconds to seconds, and the concurrency pool has as few threads as cores.
    /// Returns nil once `deadline` passes with the child still running.
    package static func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant? = nil) async -> Termination? {
        var delay = 1
        while true {
            if let termination = reap(pid) { return termination }
            if let deadline, ContinuousClock.now >= deadline { return nil }
            await pause(milliseconds: delay)
            delay = min(delay * 2, 50)
        }
    }

    /// SIGKILL to the child's process group (it has its own) and to the child, then
    /// reaps it: whatever the child started goes too.
    package static func killGroupAndReap(_ pid: pid_t) async {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        while reap(pid) == nil {
            await pause(milliseconds: 1)
        }
    }

    /// Waits without blocking a thread and without ending early on cancellation: the
    /// wait for a child is not cancellable (giving up would leave a zombie behind), a
    /// cancelled task's `Task.sleep` returns at once, and blocking instead would stall
    /// the thread, which may be one of the server's event loops.
    private static func pause(milliseconds: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                continuation.resume()
            }
        }
    }

    /// The child's termination if it has ended (reaping it), else nil.
    private static func reap(_ pid: pid_t) -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid {
            let signal = status & 0x7f
            return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        }
        if result < 0 && errno != EINTR { return .exited(255) }
        return nil
    }
}
