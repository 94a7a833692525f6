import PorticoShell

/// The line input for a person at a terminal. The line editor (libedit: editing,
/// history, completion) plugs in here; until then a prompting reader with hidden
/// password input.
func makeTerminalInput(session: ShellSession) -> any LineInput {
    PlainLineInput(fileDescriptor: 0, showsPrompts: true)
}
