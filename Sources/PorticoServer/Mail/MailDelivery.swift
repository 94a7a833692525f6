import Logging
import Synchronization

/// The outbox's delivery worker: one per server, running in the server's task group.
///
/// It delivers every due message, one at a time, then waits for a nudge
/// (`MailNudge.nudge()`, called by code that just queued mail) or the poll interval, and
/// starts over. A delivered message is marked SENT and its secret erased; a failed one
/// records the error and is retried with exponential backoff, however many times it
/// takes: mail is never dropped. A graceful `stop()` lets the message in hand finish.
/// Several instances may run on one database: claims never overlap (see `OutboxStore`).
public final class MailDelivery: Sendable {
    let outbox: OutboxStore
    let transport: any MailTransport
    let sender: MailAddress
    let settings: MailSettings
    let backoff: MailBackoff
    let nudge: MailNudge
    let logger: Logger
    private let lifecycle = Mutex(Lifecycle())

    /// `last_error` keeps at most this many characters.
    static let maximumErrorLength = 500

    private struct Lifecycle {
        var stopRequested = false
        var running = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Throws when `settings.from` is not a mailbox, so a misconfigured server fails at
    /// start instead of at every delivery.
    init(
        database: Database, settings: MailSettings, nudge: MailNudge, logger: Logger,
        transport: (any MailTransport)? = nil
    ) throws(MailError) {
        do {
            sender = try MailAddress(mailbox: settings.from)
        } catch {
            throw MailError(.invalidSender, "--mail-from '\(settings.from)' is not a mailbox: \(error.message)")
        }
        self.outbox = OutboxStore(database: database)
        self.transport = transport ?? settings.makeTransport()
        self.settings = settings
        self.backoff = MailBackoff(base: settings.retryDelay, cap: settings.maximumRetryDelay)
        self.nudge = nudge
        self.logger = logger
    }

    /// Delivers until `stop()` or task cancellation.
    func run() async {
        let alreadyStopped = lifecycle.withLock { state -> Bool in
            state.running = !state.stopRequested
            return state.stopRequested
        }
        guard !alreadyStopped else { return }
        logger.info("mail delivery started", metadata: ["transport": "\(transport.summary)"])
        while !shouldStop {
            await deliverDueMessages()
            guard !shouldStop else { break }
            await nudge.wait(upTo: settings.pollInterval)
        }
        let waiters = lifecycle.withLock { state in
            state.running = false
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Asks `run()` to return once the message in hand is finished, and waits until it has.
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wait = lifecycle.withLock { state -> Bool in
                state.stopRequested = true
                if state.running { state.stopWaiters.append(continuation) }
                return state.running
            }
            if wait { nudge.nudge() } else { continuation.resume() }
        }
    }

    private var shouldStop: Bool {
        Task.isCancelled || lifecycle.withLock { $0.stopRequested }
    }

    /// Claims and delivers due messages until none is due; returns how many were sent.
    @discardableResult
    func deliverDueMessages() async -> Int {
        var delivered = 0
        while !shouldStop, let sent = await deliverNext() {
            if sent { delivered += 1 }
        }
        return delivered
    }

    /// Claims the next due message and makes one attempt at it: whether it was sent, or
    /// nil when nothing was due (or the claim itself failed, which is logged).
    func deliverNext() async -> Bool? {
        let claimed: OutboxMessage?
        do {
            claimed = try await outbox.claim(lease: settings.claimLease)
        } catch {
            logger.warning("claiming queued mail failed", metadata: [
                "error": "\(PostgresErrorMapping.logDescription(of: error))",
            ])
            return nil
        }
        guard let message = claimed else { return nil }
        return await deliver(message)
    }
}
