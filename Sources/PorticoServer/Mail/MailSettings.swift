/// How the outbox's delivery worker sends email (`--mail-spool`, `--mail-command`,
/// `--mail-from`, `--mail-timeout`).
public struct MailSettings: Sendable, Equatable {
    /// With no command, each message becomes an RFC 5322 `.eml` file in this folder:
    /// the default for local runs and tests.
    public var spoolDirectory: String
    /// A sendmail-compatible command (`msmtp -t`, `sendmail -t -i`) that reads one
    /// message on standard input; set, it replaces the spool.
    public var command: String?
    /// The `From:` header of every message.
    public var from: String
    /// How long one delivery may take before it counts as failed (the command is
    /// killed). A claimed message stays claimed for this plus `leaseMargin`, so another
    /// instance retries it only once this one has surely given up.
    public var timeout: Duration
    /// How often the worker looks for due messages when nothing nudges it: retries and
    /// mail queued by other server instances are picked up at this pace.
    public var pollInterval: Duration
    /// The first retry's delay; each further failure doubles it, up to `maximumRetryDelay`.
    public var retryDelay: Duration
    public var maximumRetryDelay: Duration
    /// False runs the server without a delivery worker (mail stays queued for another
    /// instance): `--mail-delivery off`.
    public var isDeliveryEnabled: Bool

    /// Time a claim outlives `timeout`: the database round trips around one delivery.
    public static let leaseMargin: Duration = .seconds(5)

    public init(
        spoolDirectory: String = ".portico/mail",
        command: String? = nil,
        from: String = "Portico <no-reply@portico.local>",
        timeout: Duration = .seconds(60),
        pollInterval: Duration = .seconds(1),
        retryDelay: Duration = .seconds(2),
        maximumRetryDelay: Duration = .seconds(3600),
        isDeliveryEnabled: Bool = true
    ) {
        self.spoolDirectory = spoolDirectory
        self.command = command
        self.from = from
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.retryDelay = retryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.isDeliveryEnabled = isDeliveryEnabled
    }

    /// How long a claimed message is left alone by other workers.
    public var claimLease: Duration { timeout + Self.leaseMargin }
}
