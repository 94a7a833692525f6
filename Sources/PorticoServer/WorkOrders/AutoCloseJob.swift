import Logging

/// Closes COMPLETED work orders nobody signed off once their 3 business days have
/// passed. One runs inside every server; they may run at once, because each batch
/// skips rows another instance has locked (`WorkOrderStore.closeDue`), so every work
/// order is closed exactly once.
struct AutoCloseJob: Sendable {
    let store: WorkOrderStore
    let interval: Duration
    let logger: Logger

    /// Work orders closed per transaction: short transactions, short row locks.
    static let batchSize = 100

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            await closeAllDue()
            try? await Task.sleep(for: interval)
        }
    }

    /// Closes batches until a short one says nothing more is due; returns how many it
    /// closed. A database error ends this round; the next round tries again.
    @discardableResult
    func closeAllDue() async -> Int {
        var closed = 0
        do {
            while !Task.isCancelled {
                let batch = try await store.closeDue(limit: Self.batchSize)
                closed += batch
                if batch < Self.batchSize { break }
            }
        } catch {
            logger.warning("auto-close failed; retrying next round", metadata: ["error": "\(type(of: error))"])
        }
        if closed > 0 { logger.info("work orders closed without a sign-off", metadata: ["count": "\(closed)"]) }
        return closed
    }
}
