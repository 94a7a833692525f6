import Foundation
import GRPCCore
import PorticoAPI
import Synchronization

/// This server instance's WatchWorkOrders subscribers, and the fan-out of the
/// database's notices to them (`WorkOrderListener` feeds it).
///
/// Publishing never waits for a subscriber: each has a buffer of `capacity` events,
/// and one that falls that far behind has its stream ended with RESOURCE_EXHAUSTED
/// (after the events it has), so a stalled client costs the others nothing and knows
/// to list again.
final class WatchHub: Sendable {
    typealias Stream = AsyncThrowingStream<Portico_V1_WorkOrderEvent, any Error>

    private struct Subscriber {
        var scope: WatchScope
        var continuation: Stream.Continuation
    }

    private struct State {
        var subscribers: [UUID: Subscriber] = [:]
        /// Set by `finishAll()`: a server shutting down takes no new subscribers.
        var closed = false
        /// Whether the listener listens now (for tests, and for knowing that a stream
        /// opened now will hear every change).
        var listening = false
        /// Which of the given sessions still exist (`AuthStore.liveSessions`), once the
        /// server has a database.
        var liveSessions: (@Sendable ([UUID]) async throws -> Set<UUID>)?
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// How the hub learns which sessions still exist; set when the server assembles.
    func useSessionLookup(_ lookup: @escaping @Sendable ([UUID]) async throws -> Set<UUID>) {
        state.withLock { $0.liveSessions = lookup }
    }

    var count: Int { state.withLock { $0.subscribers.count } }

    var isListening: Bool {
        get { state.withLock { $0.listening } }
        set { state.withLock { $0.listening = newValue } }
    }

    /// A new subscriber's stream of events; it leaves the hub when the stream ends. After
    /// `finishAll()` the stream is already finished.
    func subscribe(_ scope: WatchScope) -> Stream {
        let id = UUID()
        let (stream, continuation) = Stream.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        let closed = state.withLock { state -> Bool in
            if !state.closed { state.subscribers[id] = Subscriber(scope: scope, continuation: continuation) }
            return state.closed
        }
        if closed { continuation.finish() }
        return stream
    }

    /// Ends the streams of the given sessions (or of every subscriber, with nil) whose
    /// session no longer exists: a session that ended while its end could not be heard
    /// (the listener was down, or the stream was just opening).
    func endStaleSessions(among sessionIDs: [UUID]? = nil) async throws {
        let (ids, lookup) = state.withLock { state in
            (sessionIDs ?? Array(Set(state.subscribers.values.map(\.scope.sessionID))), state.liveSessions)
        }
        guard !ids.isEmpty, let lookup else { return }
        let live = try await lookup(ids)
        for id in ids where !live.contains(id) { endSession(id) }
    }

    /// Hands the change to every subscriber who may see it.
    func publish(_ notice: WorkOrderNotice) {
        let event = notice.event
        deliver(event) { notice.isVisible(to: $0) }
    }

    /// Tells every subscriber to list again: the server may have missed changes.
    func relist() {
        deliver(Self.relistEvent()) { _ in true }
    }

    /// "List now": a stream's first event, and the one after lost changes.
    static func relistEvent() -> Portico_V1_WorkOrderEvent {
        var event = Portico_V1_WorkOrderEvent()
        event.kind = .relist
        event.at = .init(date: Date())
        return event
    }

    /// Ends the streams of a session that has ended (logout, removal, password change).
    func endSession(_ sessionID: UUID) {
        finish(RPCError(code: .unauthenticated, message: "the session has ended; sign in again")) {
            $0.sessionID == sessionID
        }
    }

    /// Ends every stream and takes no new ones, for the server's graceful shutdown.
    func finishAll() {
        state.withLock { $0.closed = true }
        finish(nil) { _ in true }
    }

    private func deliver(_ event: Portico_V1_WorkOrderEvent, to isFor: (WatchScope) -> Bool) {
        let overflowed = state.withLock { state -> [Stream.Continuation] in
            var overflowed: [Stream.Continuation] = []
            for subscriber in state.subscribers.values where isFor(subscriber.scope) {
                if case .dropped = subscriber.continuation.yield(event) {
                    overflowed.append(subscriber.continuation)
                }
            }
            return overflowed
        }
        let error = RPCError(
            code: .resourceExhausted,
            message: "the watch fell more than \(capacity) changes behind; list again and watch anew"
        )
        for continuation in overflowed { continuation.finish(throwing: error) }
    }

    private func finish(_ error: RPCError?, where matches: (WatchScope) -> Bool) {
        let ending = state.withLock { state in
            state.subscribers.values.filter { matches($0.scope) }.map(\.continuation)
        }
        for continuation in ending { continuation.finish(throwing: error) }
    }
}
