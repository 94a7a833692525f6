import Foundation

/// Where the shell writes: results to standard output, errors to standard error (so a
/// script's output holds only results). Colour only when a person is watching.
public struct ShellConsole: Sendable {
    let writeOutput: @Sendable (String) -> Void
    let writeError: @Sendable (String) -> Void
    let colour: Bool

    public init(colour: Bool, output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.colour = colour
        writeOutput = output
        writeError = error
    }

    /// Standard output and standard error, unbuffered so results and errors keep
    /// their order on a terminal and in a pipe.
    public static func standard(colour: Bool) -> ShellConsole {
        ShellConsole(
            colour: colour,
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            error: { FileHandle.standardError.write(Data($0.utf8)) }
        )
    }

    func print(_ text: String) {
        writeOutput(text + "\n")
    }

    /// `ERROR STATUS: message`, red on a terminal.
    func print(_ error: ShellError) {
        writeError(colour ? "\u{1B}[31m\(error)\u{1B}[0m\n" : "\(error)\n")
    }

    /// A notice about the session (signed in, password changed), not a result.
    func notice(_ text: String) {
        writeOutput(colour ? "\u{1B}[2m\(text)\u{1B}[0m\n" : text + "\n")
    }
}
