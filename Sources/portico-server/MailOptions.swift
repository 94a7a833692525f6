import ArgumentParser
import Foundation
import PorticoServer

/// How the server delivers queued email.
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("mail-spool"), help: """
        Folder that receives each email as an RFC 5322 .eml file, when no mail command \
        is set. [env: PORTICO_MAIL_SPOOL, default: .portico/mail]
        """)
    var spool: String?

    @Option(name: .customLong("mail-command"), help: """
        A sendmail-compatible command that reads one message on standard input, run \
        with /bin/sh -c (e.g. 'msmtp -t'); replaces the spool. [env: PORTICO_MAIL_COMMAND]
        """)
    var command: String?

    @Option(name: .customLong("mail-from"), help: """
        The From: of every email. [env: PORTICO_MAIL_FROM, default: Portico <no-reply@portico.local>]
        """)
    var from: String?

    @Option(name: .customLong("mail-timeout"), help: """
        Seconds one delivery may take before it fails and is retried. \
        [env: PORTICO_MAIL_TIMEOUT, default: 60]
        """)
    var timeout: Int?

    @Option(name: .customLong("mail-delivery"), help: """
        'off' runs no delivery worker here (mail waits for another instance). \
        [env: PORTICO_MAIL_DELIVERY, default: on]
        """)
    var delivery: String?

    func settings() throws -> MailSettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = MailSettings()
        if let spool = nonEmpty(spool ?? environment["PORTICO_MAIL_SPOOL"]) { settings.spoolDirectory = spool }
        settings.command = nonEmpty(command ?? environment["PORTICO_MAIL_COMMAND"])
        if let from = nonEmpty(from ?? environment["PORTICO_MAIL_FROM"]) { settings.from = from }
        if let text = timeout.map(String.init) ?? nonEmpty(environment["PORTICO_MAIL_TIMEOUT"]) {
            guard let seconds = Int(text), (1...3600).contains(seconds) else {
                throw ValidationError("the mail timeout must be 1 to 3600 seconds, not '\(text)'")
            }
            settings.timeout = .seconds(seconds)
        }
        switch (delivery ?? environment["PORTICO_MAIL_DELIVERY"] ?? "on").lowercased() {
        case "on", "": settings.isDeliveryEnabled = true
        case "off": settings.isDeliveryEnabled = false
        case let other: throw ValidationError("--mail-delivery takes 'on' or 'off', not '\(other)'")
        }
        return settings
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}
