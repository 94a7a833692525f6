import Foundation

/// A server's mail spool folder as tests read it: every delivered email is one
/// `<outbox id>.eml` file there. `TestServer.mailSpool` and `ServerProcess.mailSpool`
/// are the spools of the servers under test.
///
///     let invite = try await server.mailSpool.waitForMessage(to: "owner@example.com")
///     let password = invite.body  // decoded plain text, "\n" line endings
struct MailSpool: Sendable {
    let path: String

    /// Every delivered message, in delivery order (file modification time, then name).
    /// An empty list while the folder does not exist yet.
    func messages() throws -> [SpooledMail] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: path) else { return [] }
        let files = try names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.map { name in
            let file = (path as NSString).appendingPathComponent(name)
            let modified = try manager.attributesOfItem(atPath: file)[.modificationDate] as? Date ?? .distantPast
            return (name: name, file: file, modified: modified)
        }
        return try files.sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }.map { file in
            try SpooledMail(fileName: file.name, raw: String(contentsOfFile: file.file, encoding: .utf8))
        }
    }

    /// Waits until at least `count` messages were delivered, then returns them all.
    func waitForMessages(count: Int = 1, timeout: Duration = .seconds(20)) async throws -> [SpooledMail] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let messages = try messages()
            if messages.count >= count { return messages }
            guard ContinuousClock.now < deadline else {
                throw MailSpoolError(description: "\(path) holds \(messages.count) messages after \(timeout), not \(count)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for a message to `email` (ignoring case) and returns the latest one; with
    /// `matching`, only messages that pass it count.
    func waitForMessage(
        to email: String, timeout: Duration = .seconds(20), matching: (SpooledMail) -> Bool = { _ in true }
    ) async throws -> SpooledMail {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try messages().last { $0.toAddress.lowercased() == email.lowercased() && matching($0) }
            if let found { return found }
            guard ContinuousClock.now < deadline else {
                throw MailSpoolError(description: "no message to \(email) arrived in \(path) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The messages sent to `email` so far (ignoring case), in delivery order.
    func messages(to email: String) throws -> [SpooledMail] {
        try messages().filter { $0.toAddress.lowercased() == email.lowercased() }
    }
}

struct MailSpoolError: Error, CustomStringConvertible {
    var description: String
}
