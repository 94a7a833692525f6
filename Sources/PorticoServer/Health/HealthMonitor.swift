import Logging

/// Polls the database and keeps the health status in step: `NOT_SERVING` while
/// PostgreSQL is unreachable, `SERVING` again as soon as it answers.
struct HealthMonitor: Sendable {
    let database: Database
    let status: HealthStatus
    let interval: Duration
    let logger: Logger

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            let reachable = await database.isReachable()
            let previous = status.current
            status.update(reachable ? .serving : .notServing)
            if status.current != previous {
                logger.notice("health changed", metadata: ["status": "\(status.current)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
