import Foundation
import LocalPostgres
import Logging
import PostgresNIO

/// The one connection per server instance that LISTENs for work-order changes and
/// ended sessions, and feeds them to the `WatchHub`.
///
/// A lost connection (PostgreSQL restarted, the network dropped) is reopened with
/// backoff; once it listens again, every stream gets a RELIST event, because changes
/// made while nobody listened were never heard. The same holds at start-up for streams
/// opened before the first connection succeeded.
struct WorkOrderListener: Sendable {
    static let changesChannel = "portico_work_orders"
    static let sessionsChannel = "portico_sessions"

    let settings: PostgresConnectionSettings
    let hub: WatchHub
    let logger: Logger

    /// Runs until the task is cancelled.
    func run() async {
        var listenedBefore = false
        var delay = Duration.milliseconds(100)
        var id = 0
        while !Task.isCancelled {
            id += 1
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try settings.connectionConfiguration(), id: id, logger: logger
                )
                do {
                    try await listen(on: connection) {
                        if listenedBefore || hub.count > 0 { hub.relist() }
                        listenedBefore = true
                        delay = .milliseconds(100)
                    }
                } catch {
                    try? await connection.close()
                    throw error
                }
                try? await connection.close()
            } catch {
                if Task.isCancelled { break }
                logger.warning(
                    "work-order listener lost its connection; reconnecting",
                    metadata: ["error": "\(String(describing: type(of: error)))"]
                )
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(2))
        }
    }

    /// LISTENs on both channels, calls `listening` once both are active, and feeds the
    /// hub until the connection fails.
    private func listen(on connection: PostgresConnection, listening: () -> Void) async throws {
        try await connection.listen(on: Self.changesChannel) { changes in
            try await connection.listen(on: Self.sessionsChannel) { sessions in
                listening()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await notification in changes {
                            guard let notice = WorkOrderNotice(payload: notification.payload) else {
                                logger.error("unreadable work-order notice")
                                continue
                            }
                            hub.publish(notice)
                        }
                    }
                    group.addTask {
                        for try await notification in sessions {
                            if let sessionID = UUID(uuidString: notification.payload) { hub.endSession(sessionID) }
                        }
                    }
                    // Either sequence ends only with its connection.
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }
}
