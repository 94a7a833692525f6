import Synchronization

/// A value delivered once, awaited once: the first `complete` wins, later ones are
/// ignored and told so. Hands a pooled connection from the task holding the lease to
/// the caller, racing a timeout.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<Value, any Error>)
        case ready(Result<Value, any Error>)
        case finished
    }

    private let state = Mutex<State>(.empty)

    init() {}

    /// Delivers `result` unless something was delivered before; returns whether this
    /// call was the one that counted.
    @discardableResult
    func complete(_ result: sending Result<Value, any Error>) -> Bool {
        state.withLock { state in
            switch state {
            case .empty:
                state = .ready(result)
                return true
            case .waiting(let continuation):
                state = .finished
                continuation.resume(with: result)
                return true
            case .ready, .finished:
                return false
            }
        }
    }

    /// Waits for the delivered result. Call at most once.
    func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                switch state {
                case .empty:
                    state = .waiting(continuation)
                case .ready(let result):
                    state = .finished
                    continuation.resume(with: result)
                case .waiting, .finished:
                    preconditionFailure("OneShot.value() awaited twice")
                }
            }
        }
    }
}
