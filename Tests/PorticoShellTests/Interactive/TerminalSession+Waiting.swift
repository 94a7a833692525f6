import Foundation

extension TerminalSession {
    /// Polls the screen until `condition` holds, and returns that screen. Generous
    /// timeouts instead of fixed sleeps: on a loaded machine the program may take
    /// seconds to answer, and a fast one is not held up.
    @discardableResult
    func waitForScreen(
        _ what: String, timeout: Duration = .seconds(60),
        until condition: ([String]) -> Bool
    ) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let lines = try lines()
            if condition(lines) { return lines }
            guard ContinuousClock.now < deadline else {
                throw TerminalSessionError(description: """
                    timed out waiting for \(what); the screen was:
                    \(lines.suffix(20).joined(separator: "\n"))
                    """)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until the screen shows `text` anywhere.
    @discardableResult
    func waitForText(_ text: String, timeout: Duration = .seconds(60)) async throws -> [String] {
        try await waitForScreen("\"\(text)\"", timeout: timeout) { lines in
            lines.contains { $0.contains(text) }
        }
    }

    /// Waits until the cursor's line (the last non-blank one) is exactly `line`, up to
    /// trailing blanks.
    @discardableResult
    func waitForLastLine(_ line: String, timeout: Duration = .seconds(60)) async throws -> [String] {
        try await waitForScreen("the last line \"\(line)\"", timeout: timeout) { lines in
            lines.last.map(withoutTrailingSpaces) == withoutTrailingSpaces(line)
        }
    }

    /// Waits until the program has exited.
    func waitForExit(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while try !programHasExited() {
            guard ContinuousClock.now < deadline else {
                throw TerminalSessionError(description: "the program did not exit within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// capture-pane drops trailing blanks; so does this, for an exact comparison either way.
private func withoutTrailingSpaces(_ line: String) -> String {
    var text = line
    while text.last == " " { text.removeLast() }
    return text
}
