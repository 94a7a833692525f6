import Foundation
import GRPCCore
import PorticoAPI

extension WorkOrdersService {
    /// Streams the hub's events for the caller until the stream overflows
    /// (RESOURCE_EXHAUSTED), the session ends or expires (UNAUTHENTICATED), the caller
    /// cancels, or the server shuts down. A cancelled call leaves the hub at once, not
    /// at the next event it would have been sent.
    func watchWorkOrders(
        request: Portico_V1_WatchWorkOrdersRequest, response: RPCWriter<Portico_V1_WorkOrderEvent>,
        context: ServerContext
    ) async throws {
        let principal = try CallContext.requirePrincipal()
        let events = watch.subscribe(try WatchScope(principal))
        // The session may have ended between the access check and the subscription,
        // when its end could not reach this stream yet.
        try await watch.endStaleSessions(among: [principal.sessionID])
        // Subscribed: whatever changes from now on is in `events`.
        try await response.write(WatchHub.relistEvent())
        let expiresIn = principal.expiresAt.timeIntervalSinceNow
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await event in events { try await response.write(event) }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(max(0, expiresIn)))
                throw RPCError(code: .unauthenticated, message: "the session has expired; sign in again")
            }
            group.addTask {
                try await context.cancellation.cancelled
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
