/// Where rendered messages go. `deliver` returns once the message is safely handed
/// over (on disk, or accepted by the mail command) and throws `MailError` otherwise.
protocol MailTransport: Sendable {
    func deliver(_ mail: RenderedMail) async throws(MailError)
    /// For the logs: "spool /var/mail/portico", "command".
    var summary: String { get }
}

extension MailSettings {
    /// The command when one is set, the spool folder otherwise.
    func makeTransport() -> any MailTransport {
        if let command, !command.trimmingSpaces.isEmpty {
            return CommandMailTransport(command: command, timeout: timeout)
        }
        return SpoolMailTransport(directory: spoolDirectory)
    }
}
