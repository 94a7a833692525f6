import Foundation
import PorticoShell

/// The line input for a person at a terminal: libedit's line editing, tab completion
/// from the schema, and history kept in `~/.portico_shell_history` (session-only when
/// there is no HOME). The prompt comes with every `readLine`, so `session` is not needed.
func makeTerminalInput(session: ShellSession) -> any LineInput {
    EditLineInput(
        completer: ShellCompleter(),
        historyFile: HistoryFile.inHomeFolder(environment: ProcessInfo.processInfo.environment)
    )
}
