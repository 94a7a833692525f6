#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Hands each message to a sendmail-compatible command (`msmtp -t`, `sendmail -t -i`)
/// run as `/bin/sh -c COMMAND` with the message on standard input. Exit status 0 means
/// the command accepted it; any other status, or running past the timeout (the command's
/// whole process group is then killed), is a failure whose error is the end of what the
/// command wrote to standard error, never the message.
struct CommandMailTransport: MailTransport {
    let command: String
    let timeout: Duration

    var summary: String { "command" }

    /// How much of the command's standard error a failure keeps.
    static let errorExcerptLength = 300

    func deliver(_ mail: RenderedMail) async throws(MailError) {
        let outcome = try await MailCommandProcess.run(
            ["/bin/sh", "-c", command], input: Array(mail.text.utf8), timeout: timeout
        )
        switch outcome.termination {
        case .exited(0):
            return
        case .exited(let status):
            throw MailError(.commandFailed, "the mail command exited with status \(status)\(excerpt(outcome.errorOutput))")
        case .signalled(let signal):
            throw MailError(.commandFailed, "the mail command was ended by signal \(signal)\(excerpt(outcome.errorOutput))")
        case .timedOut:
            throw MailError(
                .commandFailed,
                "the mail command did not finish within \(Self.seconds(timeout)) s\(excerpt(outcome.errorOutput))"
            )
        }
    }

    /// "60", "0.5" or "1.469": whole milliseconds.
    static func seconds(_ duration: Duration) -> String {
        let seconds = (duration.totalSeconds * 1000).rounded() / 1000
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// The last words of standard error on one line, prefixed for the error message.
    private func excerpt(_ errorOutput: [UInt8]) -> String {
        let tail = String(decoding: errorOutput.suffix(Self.errorExcerptLength * 4), as: UTF8.self)
        let oneLine = tail.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !oneLine.isEmpty else { return "" }
        return ": " + String(oneLine.suffix(Self.errorExcerptLength))
    }
}
