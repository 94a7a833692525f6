import Foundation
import Testing

/// `portico-shell` in a real terminal (tmux) against a real server and database: a
/// hidden password, tab completion, history recall with the up arrow, and the history
/// file it leaves behind.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct InteractiveShellTests {
    @Test func signInCompleteAndRecallInATerminal() async throws {
        let folder = TerminalTestFolder("interactive-shell")
        try folder.create()
        defer { folder.remove() }
        let home = folder.appending("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try await InteractiveServer.with { port in
            let terminal = try TerminalSession.start(
                command: try ShellExecutable.commandLine(port: port, home: home), in: folder
            )
            defer { terminal.close() }
            try await signIn(terminal)
            try await completeAndRecall(terminal)
            try terminal.press("C-d")
            try await terminal.waitForExit()
            let output = terminal.recordedOutput()
            #expect(output.contains("Password"))
            #expect(!output.contains(InteractiveServer.operatorPassword))
            #expect(try !terminal.screen().contains(InteractiveServer.operatorPassword))
        }
        try checkHistoryFile(at: (home as NSString).appendingPathComponent(".portico_shell_history"))
    }

    /// `login EMAIL`, the password typed at a prompt that does not echo it, and a prompt
    /// that names who is signed in.
    private func signIn(_ terminal: TerminalSession) async throws {
        try await terminal.waitForLastLine(Prompt.signedOut)
        try terminal.type("login \(InteractiveServer.operatorEmail)")
        try terminal.press("Enter")
        try await terminal.waitForLastLine("Password:")
        try terminal.type(InteractiveServer.operatorPassword)
        try terminal.press("Enter")
        try await terminal.waitForLastLine(Prompt.signedIn)
    }

    /// Completes a command (`servi` → `services`), then `Service/Method`, runs both, and
    /// brings the second back with the up arrow.
    private func completeAndRecall(_ terminal: TerminalSession) async throws {
        try terminal.type("servi")
        try terminal.press("Tab")
        try await terminal.waitForLastLine(Prompt.signedIn + "services")
        try terminal.press("Enter")
        try await terminal.waitForText("portico.v1.Operator")
        try await terminal.waitForLastLine(Prompt.signedIn)

        try terminal.type("describe portico.v1.Auth/WhoA")
        try terminal.press("Tab")
        try await terminal.waitForLastLine(Prompt.signedIn + "describe portico.v1.Auth/WhoAmI")
        try terminal.press("Enter")
        try await terminal.waitForLastLine(Prompt.signedIn)
        let describedOnce = try terminal.screen().occurrences(of: "WhoAmIResponse")
        #expect(describedOnce > 0)

        try terminal.press("Up")
        try await terminal.waitForLastLine(Prompt.signedIn + "describe portico.v1.Auth/WhoAmI")
        try terminal.press("Enter")
        try await terminal.waitForScreen("the second description") { _ in
            ((try? terminal.screen().occurrences(of: "WhoAmIResponse")) ?? 0) == 2 * describedOnce
        }
        try await terminal.waitForLastLine(Prompt.signedIn)
    }

    /// Owner-only, and the login kept without its password.
    private func checkHistoryFile(at path: String) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try HistoryFileContents.entries(in: path) == [
            "login \(InteractiveServer.operatorEmail)",
            "services",
            "describe portico.v1.Auth/WhoAmI",
            "describe portico.v1.Auth/WhoAmI",
        ])
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("Secret-4711"))
    }
}

/// The shell's prompts, as the terminal shows them.
private enum Prompt {
    static let signedOut = "portico>"
    static let signedIn = "\(InteractiveServer.operatorEmail)> "
}

extension String {
    fileprivate func occurrences(of text: String) -> Int {
        components(separatedBy: text).count - 1
    }
}
