import PorticoAPI
import Synchronization

/// The server's serving status, shared by the health service (which reports it) and
/// the health monitor (which sets it from the database's reachability).
final class HealthStatus: Sendable {
    typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    private struct State {
        var status: Status = .notServing
        var watchers: [Int: AsyncStream<Status>.Continuation] = [:]
        var nextWatcherID = 0
    }

    private let state = Mutex(State())

    var current: Status {
        state.withLock { $0.status }
    }

    /// Sets the status; watchers hear only actual changes.
    func update(_ status: Status) {
        let watchers: [AsyncStream<Status>.Continuation] = state.withLock { state in
            guard state.status != status else { return [] }
            state.status = status
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.yield(status) }
    }

    /// The current status, then every change, until the stream is dropped.
    func changes() -> AsyncStream<Status> {
        let (stream, continuation) = AsyncStream.makeStream(of: Status.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[id] = continuation
            continuation.yield(state.status)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every watch stream (server shutdown).
    func finishAll() {
        let watchers = state.withLock { state in
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.finish() }
    }
}
