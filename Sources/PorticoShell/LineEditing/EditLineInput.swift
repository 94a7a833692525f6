/// Line input for an interactive terminal, through libedit: line editing, history
/// recalled with the arrow keys and kept in a file between sessions, and tab completion
/// from the shell's `ShellCompleter`.
///
/// libedit has one editor per process, so create one `EditLineInput` per process.
/// Completion candidates replace the white-space-delimited word that ends at the cursor;
/// libedit inserts their common prefix, adds a space after a single match and lists
/// the candidates on a second Tab.
public final class EditLineInput: LineInput {
    private let library = EditLineLibrary.shared
    private let historyFile: HistoryFile?

    /// `historyFile` nil keeps history for this session only.
    public init(completer: ShellCompleter, historyFile: HistoryFile?) {
        self.historyFile = historyFile
        library.configure(completer: completer)
        if let historyFile { library.loadHistory(from: historyFile) }
    }

    public func readLine(prompt: String) -> String? {
        library.readLine(prompt: prompt)
    }

    /// Reads with echo off; nil when the user presses Ctrl-C or ends input. The secret
    /// never enters the editor, so it is neither in the history nor recallable.
    public func readSecret(prompt: String) -> String? {
        library.withLibrary { SecretReader().read(prompt: prompt) }
    }

    /// Stores what `HistoryPolicy` allows of `line` (a `login` line only as
    /// `login EMAIL`) and saves the history file.
    public func addHistory(_ line: String) {
        guard let entry = HistoryPolicy.entry(for: line) else { return }
        library.append(entry, savingTo: historyFile)
    }
}
