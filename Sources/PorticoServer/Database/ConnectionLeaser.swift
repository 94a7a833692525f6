import NIOCore
import NIOPosix
import PostgresNIO

/// Leases pooled connections with a bound on the wait.
///
/// postgres-nio's pool queues lease requests while it cannot connect and fails them
/// only when its circuit breaker trips, a minute later. A call must fail within
/// seconds when PostgreSQL is down, so the lease is taken in a child task that hands
/// the connection over and keeps the lease until the caller is done; when the timer
/// fires first the pending request is cancelled and the caller gets
/// `DatabaseError.connectionTimeout`.
struct ConnectionLeaser: Sendable {
    let client: PostgresClient
    let eventLoop: any EventLoop
    let timeout: Duration

    func withConnection<T: Sendable>(
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let delivery = OneShot<PostgresConnection>()
        let giveBack = OneShot<Void>()
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { [client] in
                do {
                    try await client.withConnection { connection in
                        // Lost the race against the timer: release the lease at once.
                        guard delivery.complete(.success(connection)) else { return }
                        _ = try? await giveBack.value()
                    }
                } catch {
                    delivery.complete(.failure(error))
                }
            }
            let connection = try await awaitDelivery(delivery, cancellingOnFailure: &group)
            defer { giveBack.complete(.success(())) }
            // The pool drops a connection when it closes, but a lease can cross the
            // close; a statement written to it would wait forever (see guardedQuery).
            guard !connection.isClosed else {
                throw DatabaseError(code: .connectionClosed, message: "the database connection is closed")
            }
            return try await body(connection)
        }
    }

    private func awaitDelivery(
        _ delivery: OneShot<PostgresConnection>,
        cancellingOnFailure group: inout ThrowingTaskGroup<Void, any Error>
    ) async throws -> PostgresConnection {
        let timeout = self.timeout
        // On the calling thread's own loop when it is one (handlers run on the event
        // loops): scheduling and cancelling the timer then wakes no other thread.
        let timerLoop = MultiThreadedEventLoopGroup.currentEventLoop ?? eventLoop
        let timer = timerLoop.scheduleTask(in: TimeAmount(timeout)) {
            delivery.complete(.failure(DatabaseError(
                code: .connectionTimeout,
                message: "no database connection within \(timeout)"
            )))
        }
        defer { timer.cancel() }
        do {
            return try await delivery.value()
        } catch {
            group.cancelAll()
            throw error
        }
    }
}
