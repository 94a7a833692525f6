import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer

/// One WatchWorkOrders call running in the background: its events as they come, and how
/// it ended.
final class WatchRecording: Sendable {
    typealias Events = AsyncThrowingStream<Portico_V1_WorkOrderEvent, any Error>
    private let events: Events
    private let task: Task<Void, Never>

    /// Opens the stream and returns once its first event (RELIST: the subscription is
    /// live) has come. With `stalled`, nothing is read after that until `cancel()`.
    static func start(on server: TestServer, token: String, stalled: Bool = false) async throws -> WatchRecording {
        let (events, continuation) = Events.makeStream()
        let task = Task {
            do {
                try await server.workOrders.watchWorkOrders(.init(), metadata: bearer(token)) { response in
                    for try await event in response.messages {
                        continuation.yield(event)
                        // Holds the stream open without reading another message.
                        if stalled { try await Task.sleep(for: .seconds(3600)) }
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        let recording = WatchRecording(events: events, task: task)
        let first = try await recording.next(within: .seconds(10))
        guard first?.kind == .relist else { throw RPCError(code: .internalError, message: "no RELIST first: \(String(describing: first))") }
        return recording
    }

    private init(events: Events, task: Task<Void, Never>) {
        self.events = events
        self.task = task
    }

    /// The next event, or nil if none comes within `limit`; throws how the stream ended.
    func next(within limit: Duration) async throws -> Portico_V1_WorkOrderEvent? {
        let events = self.events
        return try await withThrowingTaskGroup(of: Portico_V1_WorkOrderEvent?.self) { group in
            group.addTask {
                var iterator = events.makeAsyncIterator()
                return try await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    func cancel() { task.cancel() }
}
