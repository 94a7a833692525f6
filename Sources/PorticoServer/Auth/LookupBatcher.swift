import Synchronization

/// Coalesces concurrent lookups into batches: while one batch is being looked up, the
/// keys that arrive wait, and the next batch takes all of them at once (up to
/// `maximumBatchSize`). Nothing is remembered between batches: every key is looked
/// up by a batch that starts after it arrived.
///
/// There is no background task: the caller whose key finds nothing in flight runs the
/// batch in its own task (the leader), and when that batch is done it hands the
/// leadership to the longest-waiting caller. A caller alone pays no more than a direct
/// lookup; under load, one round trip serves many calls.
///
/// A failed batch fails its callers with its error, and also the callers waiting for
/// the next batch: when PostgreSQL is down, a lookup fails only after the pool's wait
/// for a connection, and a caller queued behind it must not wait twice as long (the
/// failure grants nothing, so it is safe to share). A leader whose own task was
/// cancelled instead puts its followers back in line: they were not cancelled.
final class LookupBatcher<Key: Sendable, Value: Sendable>: Sendable {
    /// Looks up `keys` together; answers one value per key, in the keys' order.
    typealias BatchLookup = @Sendable (_ keys: [Key]) async throws -> [Value]

    private enum Turn {
        case lead
        case done(Result<Value, any Error>)
    }

    private struct Waiter {
        var key: Key
        var continuation: CheckedContinuation<Turn, Never>
    }

    private struct State {
        var isLookingUp = false
        var waiting: [Waiter] = []
    }

    private let maximumBatchSize: Int
    private let lookUp: BatchLookup
    private let state = Mutex(State())

    init(maximumBatchSize: Int, lookUp: @escaping BatchLookup) {
        precondition(maximumBatchSize >= 1, "a batch holds at least one key")
        self.maximumBatchSize = maximumBatchSize
        self.lookUp = lookUp
    }

    /// How many callers wait for the batch after the one in flight.
    var waitingCount: Int {
        state.withLock { $0.waiting.count }
    }

    /// The value for `key`, from a batch that started after this call.
    func value(for key: Key) async throws -> Value {
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                if state.isLookingUp {
                    state.waiting.append(Waiter(key: key, continuation: continuation))
                    return false
                }
                state.isLookingUp = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        switch turn {
        case .lead: return try await lead(with: key)
        case .done(let result): return try result.get()
        }
    }

    /// Looks up `key` with the callers waiting now, then passes the lead on.
    private func lead(with key: Key) async throws -> Value {
        let followers = state.withLock { state in
            let count = min(state.waiting.count, maximumBatchSize - 1)
            defer { state.waiting.removeFirst(count) }
            return Array(state.waiting.prefix(count))
        }
        let result: Result<[Value], any Error>
        do {
            let values = try await lookUp([key] + followers.map(\.key))
            precondition(values.count == followers.count + 1, "a batch lookup answers one value per key")
            result = .success(values)
        } catch {
            result = .failure(error)
        }
        if case .failure(let error) = result {
            if Task.isCancelled {
                requeue(followers)
                throw CancellationError()
            }
            for waiter in followers + takeAllWaiting() {
                waiter.continuation.resume(returning: .done(.failure(error)))
            }
            throw error
        }
        passLead()
        for (index, follower) in followers.enumerated() {
            follower.continuation.resume(returning: .done(result.map { $0[index + 1] }))
        }
        return try result.get()[0]
    }

    /// A cancelled leader's followers go back to the front of the line, in order.
    private func requeue(_ followers: [Waiter]) {
        state.withLock { $0.waiting.insert(contentsOf: followers, at: 0) }
        passLead()
    }

    /// Everyone in line, leaving no batch in flight.
    private func takeAllWaiting() -> [Waiter] {
        state.withLock { state in
            state.isLookingUp = false
            defer { state.waiting.removeAll() }
            return state.waiting
        }
    }

    private func passLead() {
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.isLookingUp = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
    }
}
