import Foundation

/// A real terminal for one test: a private tmux server (its own socket, no user
/// configuration) running one command in a detached window of fixed size. Keys go in
/// with `send-keys`; the screen comes out with `capture-pane`; every byte the program
/// writes to the terminal is also recorded (`pipe-pane`), so a test can check what was
/// ever shown, not only what is on screen at the end.
struct TerminalSession: Sendable {
    let socket: String
    /// The raw terminal output, recorded from just after the program starts.
    let outputLog: String
    private static let target = "shell"

    /// Starts `command` (a shell command line) in a 160×50 terminal.
    static func start(command: String, in folder: TemporaryFolder) throws -> TerminalSession {
        let session = TerminalSession(socket: folder.appending("tmux.sock"), outputLog: folder.appending("terminal.log"))
        try session.tmux([
            "new-session", "-d", "-s", target, "-x", "160", "-y", "50", command,
            ";", "set-option", "-t", target, "remain-on-exit", "on",
            ";", "pipe-pane", "-t", target, "-o", "cat >> '\(session.outputLog)'",
        ])
        return session
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// The screen and its scrollback, with wrapped lines joined.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-1000", "-t", Self.target])
    }

    /// The screen's lines without trailing blanks, the cursor's line last.
    func lines() throws -> [String] {
        let text = try screen()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines
    }

    /// Whether the program has exited (the window stays, `remain-on-exit`).
    func programHasExited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", Self.target, "#{pane_dead}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Everything the program wrote to the terminal so far.
    func recordedOutput() -> String {
        (try? String(contentsOfFile: outputLog, encoding: .utf8)) ?? ""
    }

    func close() {
        _ = try? tmux(["kill-server"])
    }

    /// Runs one tmux command and returns its output. The output goes through a file, not
    /// a pipe: the tmux server that `new-session` starts inherits the command's output
    /// and keeps it open, so reading a pipe to its end would never return.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputFile = socket + "-\(UUID().uuidString).out"
        guard FileManager.default.createFile(atPath: outputFile, contents: nil),
            let output = FileHandle(forWritingAtPath: outputFile)
        else { throw TerminalSessionError(description: "cannot create \(outputFile)") }
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw TerminalSessionError(description: "tmux \(arguments.first ?? "") failed: \(text)")
        }
        return text
    }
}

struct TerminalSessionError: Error, CustomStringConvertible {
    var description: String
}
