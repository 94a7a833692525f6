import Foundation
import Synchronization

/// Ctrl-C while a call runs (a server stream that never ends, a slow server) cancels
/// that call and returns to the prompt instead of ending the shell. Outside calls the
/// previous SIGINT disposition stands, so the line editor keeps its own handling.
enum Interrupt {
    static func cancellingOnInterrupt(_ body: @escaping @Sendable () async throws -> Void) async throws {
        interrupted.store(false, ordering: .relaxed)
        // A C signal handler can capture nothing: it only raises a flag, which a
        // watcher task turns into cancellation.
        let previous = signal(SIGINT) { _ in interrupted.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, previous) }
        let task = Task { try await body() }
        let watcher = Task {
            while !Task.isCancelled {
                if interrupted.load(ordering: .relaxed) {
                    task.cancel()
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { watcher.cancel() }
        try await task.value
    }
}

private let interrupted = Atomic<Bool>(false)
