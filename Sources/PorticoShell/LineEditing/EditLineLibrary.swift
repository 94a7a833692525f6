import CEditLine
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one line editor of the process.
///
/// libedit's readline-compatible API keeps its editor, history and completion hook in
/// C globals, so every call into it goes through this object: `calls` serializes them,
/// and `completion` holds what the C completion callbacks need (they cannot capture
/// Swift state). The callbacks run inside `readline`, on the thread holding `calls`,
/// so they take only `completion`; the locks are always taken in that order.
final class EditLineLibrary: Sendable {
    static let shared = EditLineLibrary()

    private let calls = Mutex<Void>(())
    let completion = Mutex<CompletionState>(CompletionState())

    /// What the completion callbacks read: the shell's completer and the candidates
    /// of the attempt in progress (libedit asks for them one index at a time).
    struct CompletionState: Sendable {
        var completer: ShellCompleter?
        var candidates: [String] = []
    }

    private init() {}

    /// Runs `body` with exclusive use of libedit's globals.
    func withLibrary<Result>(_ body: () throws -> Result) rethrows -> Result {
        try calls.withLock { _ in try body() }
    }

    /// Sets up the editor once per input: name, word breaks, completion hook.
    func configure(completer: ShellCompleter) {
        completion.withLock { $0.completer = completer }
        withLibrary {
            // libedit edits multibyte (UTF-8) text only under a locale that says so;
            // Swift programs start in the "C" locale.
            _ = setlocale(LC_CTYPE, "")
            portico_rl_set_name()
            portico_rl_set_word_breaks()
            portico_rl_set_completion { text, start, _ in
                EditLineLibrary.shared.attemptCompletion(text: text, wordStart: Int(start))
            }
        }
    }

    /// One line from the terminal, without its newline; nil at end of input.
    func readLine(prompt: String) -> String? {
        withLibrary {
            guard let line = CEditLine.readline(prompt) else { return nil }
            defer { free(line) }
            return String(cString: line)
        }
    }
}
