import Foundation
import Testing
import TestSupport

/// `portico-shell` in a real terminal (tmux) against a real server and database: a
/// hidden password, tab completion, history recall with the up arrow, and the history
/// file it leaves behind.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct InteractiveShellTests {
    @Test func signInCompleteAndRecallInATerminal() async throws {
        let folder = TemporaryFolder("interactive-shell")
        let home = folder.appending("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { folder.remove() }
        try await withShellTestServer { server in
            let terminal = try TerminalSession.start(
                command: try ShellProcess.terminalCommandLine(port: server.port, home: home), in: folder
            )
            defer { terminal.close() }
            try await signIn(terminal)
            try await completeAndRecall(terminal)
            try terminal.press("C-d")
            try await terminal.waitForExit()
            let output = terminal.recordedOutput()
            #expect(output.contains("Password for \(ShellTestServer.operatorEmail):"))
            #expect(!output.contains(ShellTestServer.operatorPassword))
            #expect(try !terminal.screen().contains(ShellTestServer.operatorPassword))
        }
        try checkHistoryFile(at: (home as NSString).appendingPathComponent(".portico_shell_history"))
    }

    /// `login EMAIL`, the password typed at a prompt that does not echo it, and a prompt
    /// that names who is signed in.
    private func signIn(_ terminal: TerminalSession) async throws {
        try await terminal.waitForLastLine(Prompt.signedOut)
        try terminal.type("login \(ShellTestServer.operatorEmail)")
        try terminal.press("Enter")
        try await terminal.waitForLastLine("Password for \(ShellTestServer.operatorEmail):")
        try terminal.type(ShellTestServer.operatorPassword)
        try terminal.press("Enter")
        try await terminal.waitForLastLine(Prompt.signedIn)
    }

    /// Completes a command (`servi` → `services`), a JSON field name, and
    /// `Service/Method`; runs the command and the description, and brings the
    /// description back with the up arrow.
    private func completeAndRecall(_ terminal: TerminalSession) async throws {
        try terminal.type("servi")
        try terminal.press("Tab")
        try await terminal.waitForLastLine(Prompt.signedIn + "services")
        try terminal.press("Enter")
        try await terminal.waitForText("Operator (portico.v1.Operator):")
        try await terminal.waitForLastLine(Prompt.signedIn)

        try terminal.type("call Auth/Login {\"ema")
        try terminal.press("Tab")
        try await terminal.waitForLastLine(Prompt.signedIn + "call Auth/Login {\"email\"")
        // Ctrl-U: libedit's emacs binding that empties the line.
        try terminal.press("C-u")
        try await terminal.waitForLastLine(Prompt.signedIn)

        try terminal.type("describe Auth/WhoA")
        try terminal.press("Tab")
        try await terminal.waitForLastLine(Prompt.signedIn + "describe Auth/WhoAmI")
        try terminal.press("Enter")
        try await terminal.waitForText(Self.whoAmISignature)
        try await terminal.waitForLastLine(Prompt.signedIn)
        #expect(try terminal.screen().occurrences(of: Self.whoAmISignature) == 1)

        try terminal.press("Up")
        try await terminal.waitForLastLine(Prompt.signedIn + "describe Auth/WhoAmI")
        try terminal.press("Enter")
        try await terminal.waitForScreen("the second description") { _ in
            (try? terminal.screen().occurrences(of: Self.whoAmISignature)) == 2
        }
        try await terminal.waitForLastLine(Prompt.signedIn)
    }

    private static let whoAmISignature = "Auth/WhoAmI(portico.v1.WhoAmIRequest) returns (portico.v1.WhoAmIResponse)"

    /// Owner-only, and the login kept without its password.
    private func checkHistoryFile(at path: String) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try HistoryFileContents.entries(in: path) == [
            "login \(ShellTestServer.operatorEmail)",
            "services",
            "describe Auth/WhoAmI",
            "describe Auth/WhoAmI",
        ])
        let decoded = try HistoryFileContents.entries(in: path).joined(separator: "\n")
        #expect(!decoded.contains(ShellTestServer.operatorPassword))
    }
}

/// The shell's prompts, as the terminal shows them.
private enum Prompt {
    static let signedOut = "portico>"
    static let signedIn = "portico(\(ShellTestServer.operatorEmail) OPERATOR)> "
}

extension String {
    fileprivate func occurrences(of text: String) -> Int {
        components(separatedBy: text).count - 1
    }
}
