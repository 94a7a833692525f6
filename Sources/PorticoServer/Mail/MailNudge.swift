import Synchronization

/// Wakes the outbox's delivery worker at once, instead of at its next poll.
///
/// Code that queues mail (`DatabaseConnection.enqueue`) calls `nudge()` after its
/// transaction COMMITS: the worker then claims the message within milliseconds. Nudging
/// before the commit is harmless but useless (the worker finds nothing yet and waits a
/// poll interval). Nudges never queue up: many before the worker looks count as one.
/// `PorticoServer.mailNudge` is the one a server's worker listens to; services get it
/// from `ServerParts`.
public final class MailNudge: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes the worker if it waits, or makes its next wait return at once.
    public func nudge() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns after a nudge, after `timeout`, or when the task is cancelled, whichever
    /// comes first. One waiter at a time (the worker).
    func wait(upTo timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.nextNudge() }
            _ = await group.next()
            group.cancelAll()
        }
    }

    private func nextNudge() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    // Checked under the lock: a cancellation either happened before (seen
                    // here) or finds the stored waiter in its handler.
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    precondition(state.waiter == nil, "MailNudge has one waiter at a time")
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
