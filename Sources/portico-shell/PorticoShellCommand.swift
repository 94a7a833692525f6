public import ArgumentParser
import Foundation
import PorticoShell

/// `portico-shell`: an admin shell for Portico's gRPC API.
@main
struct PorticoShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico-shell",
        abstract: "Call any Portico RPC: sign in, call methods with JSON, discover the schema.",
        discussion: """
            Interactive on a terminal (line editing, history, tab completion). With -c or
            with standard input not a terminal, commands run as a script: no prompt, no colour;
            passwords come from standard input (typed without echo at a terminal, else the
            next line).

            Exit status: 0 when the input ends or on quit, even if commands failed; with
            --fail-fast, 1 at the first failed command. 64 for bad options.
            """
    )

    @Option(name: .long, help: "The server's host:port (default: $PORTICO_SHELL_SERVER, else localhost:50051).")
    var server: String?

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run these commands (split at ';') instead of reading input; repeatable.", valueName: "commands")
    )
    var commands: [String] = []

    @Flag(help: "Exit with status 1 at the first failed command.")
    var failFast = false

    @Option(help: "Write the session token here (mode 0600) on login, and start signed in from it.")
    var tokenFile: String?

    @Option(help: "How responses are printed: json or table.")
    var format: ShellSession.OutputFormat = .json

    mutating func validate() throws {
        _ = try address()
    }

    func run() async throws {
        let (host, port) = try address()
        let scripted = !commands.isEmpty || isatty(STDIN_FILENO) == 0
        let options = ShellOptions(
            host: host, port: port, interactive: !scripted, failFast: failFast, tokenFile: tokenFile,
            format: format
        )
        let shell = Shell(options: options)
        let input: any LineInput
        if !commands.isEmpty {
            input = ScriptLineInput(lines: commands.flatMap(ShellScript.commands(in:)))
        } else if scripted {
            input = PlainLineInput()
        } else {
            input = makeTerminalInput(session: shell.session)
        }
        let status = try await shell.run(input: input)
        if status != 0 { throw ExitCode(status) }
    }

    /// `--server`, else `PORTICO_SHELL_SERVER`, else localhost:50051.
    private func address() throws -> (String, Int) {
        let text = server ?? ProcessInfo.processInfo.environment["PORTICO_SHELL_SERVER"] ?? "localhost:50051"
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port), colon != text.startIndex
        else { throw ValidationError("the server is host:port, not \"\(text)\"") }
        return (String(text[..<colon]), port)
    }
}

extension ShellSession.OutputFormat: ExpressibleByArgument {}
