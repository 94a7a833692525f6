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
                        hub.isListening = true
                        // Sessions that ended while nobody listened end their streams now.
                        do {
                            try await hub.endStaleSessions()
                        } catch {
                            logger.warning("could not check watch sessions", metadata: ["error": "\(type(of: error))"])
                        }
                        if listenedBefore || hub.count > 0 { hub.relist() }
                        listenedBefore = true
                        delay = .milliseconds(100)
                    }
                    hub.isListening = false
                } catch {
                    hub.isListening = false
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

    /// How often the connection proves it is alive, and how long it may take: a
    /// half-open TCP connection (an idle timeout in a NAT) would otherwise wait forever.
    static let heartbeatInterval = Duration.seconds(30)
    static let heartbeatTimeout = Duration.seconds(10)

    /// LISTENs on both channels, calls `listening` once both are active, and feeds the
    /// hub until the connection fails or misses a heartbeat.
    private func listen(on connection: PostgresConnection, listening: () async -> Void) async throws {
        try await connection.listen(on: Self.changesChannel) { changes in
            try await connection.listen(on: Self.sessionsChannel) { sessions in
                await listening()
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
                    group.addTask { try await heartbeat(on: connection) }
                    // Each task ends only with its connection.
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    /// Returns (ending the connection's use) when a `SELECT 1` fails or takes longer
    /// than `heartbeatTimeout`.
    private func heartbeat(on connection: PostgresConnection) async throws {
        while true {
            try await Task.sleep(for: Self.heartbeatInterval)
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await connection.query("SELECT 1", logger: logger).collect()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: Self.heartbeatTimeout)
                    return false
                }
                defer { group.cancelAll() }
                return try await group.next() ?? false
            }
            if !answered {
                logger.warning("work-order listener's connection missed a heartbeat; reconnecting")
                return
            }
        }
    }
}
