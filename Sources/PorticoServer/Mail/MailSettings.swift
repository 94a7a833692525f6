/// How the outbox's delivery worker sends email (`--mail-spool`, `--mail-command`,
/// `--mail-from`).
public struct MailSettings: Sendable, Equatable {
    /// With no command, each message becomes an RFC 5322 `.eml` file in this folder:
    /// the default for local runs and tests.
    public var spoolDirectory: String
    /// A sendmail-compatible command (`msmtp -t`, `sendmail -t -i`) that reads one
    /// message on standard input; set, it replaces the spool.
    public var command: String?
    /// The `From:` header of every message.
    public var from: String

    public init(
        spoolDirectory: String = ".portico/mail",
        command: String? = nil,
        from: String = "Portico <no-reply@portico.local>"
    ) {
        self.spoolDirectory = spoolDirectory
        self.command = command
        self.from = from
    }
}
