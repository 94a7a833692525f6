import Foundation
import Logging

extension MailDelivery {
    /// One attempt at one claimed message, and its outcome recorded. Returns whether it
    /// was delivered.
    func deliver(_ message: OutboxMessage) async -> Bool {
        do {
            let rendered = try MailRenderer.render(message, from: sender)
            try await transport.deliver(rendered)
        } catch {
            await recordFailure(of: message, error)
            return false
        }
        await recordSuccess(of: message)
        return true
    }

    private func recordSuccess(of message: OutboxMessage) async {
        var metadata = Self.metadata(of: message)
        do {
            let recorded = try await outbox.markSent(message)
            metadata["outcome"] = recorded ? "sent" : "sent, but another worker had taken the message over"
            logger.info("mail delivered", metadata: metadata)
        } catch {
            // The claim expires and the message is sent again, under the same Message-ID
            // (and into the same spool file): a duplicate at worst, never a loss.
            metadata["outcome"] = "sent, not recorded"
            metadata["error"] = "\(PostgresErrorMapping.logDescription(of: error))"
            logger.warning("mail delivered but not recorded; it will be sent again", metadata: metadata)
        }
    }

    private func recordFailure(of message: OutboxMessage, _ error: any Error) async {
        let reason = Self.reason(error, hiding: message.mail.secret)
        let delay = backoff.randomDelay(afterAttempt: message.attempt)
        var metadata = Self.metadata(of: message)
        metadata["outcome"] = "failed"
        metadata["error"] = "\(reason)"
        metadata["retry_in_seconds"] = "\(CommandMailTransport.seconds(delay))"
        logger.warning("mail delivery failed; it will be retried", metadata: metadata)
        do {
            _ = try await outbox.reschedule(message, after: delay, error: reason)
        } catch {
            logger.warning("recording a failed mail delivery failed; the claim will expire", metadata: [
                "message_id": "\(message.messageID)",
                "error": "\(PostgresErrorMapping.logDescription(of: error))",
            ])
        }
    }

    /// What the logs say about a message: never its body, subject or secret, and of
    /// the recipient only the domain.
    static func metadata(of message: OutboxMessage) -> Logger.Metadata {
        [
            "message_id": "\(message.messageID)",
            "kind": "\(message.mail.kind)",
            "recipient_domain": "\(message.recipientDomain)",
            "attempt": "\(message.attempt)",
        ]
    }

    /// The error for `last_error` and the logs: short, and with the secret masked should
    /// a command have echoed it.
    static func reason(_ error: any Error, hiding secret: String?) -> String {
        var text = (error as? MailError)?.message ?? PostgresErrorMapping.logDescription(of: error)
        if let secret, !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "[secret]")
        }
        return String(text.prefix(maximumErrorLength))
    }
}
