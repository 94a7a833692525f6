#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import PorticoServer
import SystemSupport
import TestSupport

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
    /// and keeps it open, so reading a pipe to its end would never return. Not
    /// Foundation's `Process` either: on Linux it learns of a child's exit when a socket
    /// the child inherited closes, and the tmux server daemon keeps that socket open, so
    /// `waitUntilExit` would wait for the server to end. `waitpid` waits for tmux itself.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputFile = socket + "-\(UUID().uuidString).out"
        guard FileManager.default.createFile(atPath: outputFile, contents: nil),
            let output = FileHandle(forWritingAtPath: outputFile)
        else { throw TerminalSessionError(description: "cannot create \(outputFile)") }
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let pid: pid_t
        do {
            pid = try ProcessSpawn.spawn(
                ["/usr/bin/env", "tmux", "-S", socket, "-f", "/dev/null"] + arguments,
                environment: ProcessInfo.processInfo.environment,
                input: .devNull, output: .descriptor(output.fileDescriptor),
                errorOutput: .descriptor(output.fileDescriptor)
            )
        } catch {
            throw TerminalSessionError(description: "cannot run tmux: \(error.reason)")
        }
        let status = Self.waitForExit(pid)
        try output.close()
        let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw TerminalSessionError(description: "tmux \(arguments.first ?? "") failed: \(text)")
        }
        return text
    }

    /// The exit status of `pid` (a tmux client: it returns at once), or -1.
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}

struct TerminalSessionError: Error, CustomStringConvertible {
    var description: String
}
