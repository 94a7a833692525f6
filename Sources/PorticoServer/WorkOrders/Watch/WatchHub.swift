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

    private let subscribers = Mutex<[UUID: Subscriber]>([:])
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    var count: Int { subscribers.withLock { $0.count } }

    /// A new subscriber's stream of events; it leaves the hub when the stream ends.
    func subscribe(_ scope: WatchScope) -> Stream {
        let id = UUID()
        let (stream, continuation) = Stream.makeStream(bufferingPolicy: .bufferingOldest(capacity))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = Subscriber(scope: scope, continuation: continuation) }
        return stream
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

    /// Ends every stream, for the server's graceful shutdown.
    func finishAll() {
        finish(nil) { _ in true }
    }

    private func deliver(_ event: Portico_V1_WorkOrderEvent, to isFor: (WatchScope) -> Bool) {
        let overflowed = subscribers.withLock { subscribers -> [Stream.Continuation] in
            var overflowed: [Stream.Continuation] = []
            for subscriber in subscribers.values where isFor(subscriber.scope) {
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
        let ending = subscribers.withLock { subscribers in
            subscribers.values.filter { matches($0.scope) }.map(\.continuation)
        }
        for continuation in ending { continuation.finish(throwing: error) }
    }
}
