/// Why one delivery attempt failed. Its message is what the outbox row's `last_error`
/// records, so it never holds the message itself or its secret.
public struct MailError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The message cannot be rendered (an address the headers cannot carry).
        case invalidMessage
        /// `--mail-from` is not a mailbox.
        case invalidSender
        /// The spool folder or file could not be written.
        case spoolFailed
        /// The mail command failed, could not start, or timed out.
        case commandFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
