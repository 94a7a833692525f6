import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer
import Synchronization

/// One WatchWorkOrders call running in the background: its events as they come, and how
/// it ended. Waiting for an event never disturbs the call (a timeout only stops the
/// wait), so "nothing arrives" can be asserted too.
final class WatchRecording: Sendable {
    private struct State {
        var events: [Portico_V1_WorkOrderEvent] = []
        var ended = false
        var error: (any Error)?
    }

    private let state = Mutex(State())
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Opens the stream and returns once its first event (RELIST: the subscription is
    /// live) has come. A `stalled` recording reads nothing after that: its call stays
    /// open, unread, until `cancel()`.
    static func start(
        on server: TestServer, token: String, stalled: Bool = false,
        client: Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix>? = nil
    ) async throws -> WatchRecording {
        let recording = WatchRecording()
        let workOrders = client ?? server.workOrders
        let task = Task {
            do {
                try await workOrders.watchWorkOrders(.init(), metadata: bearer(token)) { response in
                    for try await event in response.messages {
                        recording.state.withLock { $0.events.append(event) }
                        if stalled { try await Task.sleep(for: .seconds(3600)) }
                    }
                }
                recording.state.withLock { $0.ended = true }
            } catch {
                recording.state.withLock {
                    $0.ended = true
                    $0.error = error
                }
            }
        }
        recording.task.withLock { $0 = task }
        let first = try await recording.next(within: .seconds(10))
        guard first?.kind == .relist else {
            throw RPCError(code: .internalError, message: "no RELIST first: \(String(describing: first))")
        }
        return recording
    }

    /// The next event not yet taken, waiting up to `limit`; nil if none came. Once the
    /// events are taken, throws how the stream ended (returns nil if it ended cleanly).
    func next(within limit: Duration) async throws -> Portico_V1_WorkOrderEvent? {
        let deadline = ContinuousClock.now + limit
        while true {
            let (event, ended, error) = state.withLock { state -> (Portico_V1_WorkOrderEvent?, Bool, (any Error)?) in
                if !state.events.isEmpty { return (state.events.removeFirst(), false, nil) }
                return (nil, state.ended, state.error)
            }
            if let event { return event }
            if ended {
                if let error { throw error }
                return nil
            }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func cancel() { task.withLock { $0?.cancel() } }
}

extension TestServer {
    /// Waits until the server's work-order listener listens, so a stream opened now hears
    /// every change (one opened before would also get an extra RELIST).
    func waitUntilWatchListens() async throws {
        let listens = try await eventually(within: .seconds(20)) { server.watchHub.isListening }
        if !listens { throw RPCError(code: .deadlineExceeded, message: "the work-order listener never listened") }
    }
}
