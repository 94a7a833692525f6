import GRPCCore
import GRPCNIOTransportHTTP2

/// How a shell runs: where the server is and how commands are read and failures end it.
public struct ShellOptions: Sendable {
    public var host: String
    public var port: Int
    /// Prompt, history and colour: true when a person types at a terminal.
    public var interactive: Bool
    /// Stop at the first failed command with exit status 1.
    public var failFast: Bool
    /// Where a sign-in's token is written (mode 0600) and read back at start.
    public var tokenFile: String?
    public var format: ShellSession.OutputFormat

    public init(
        host: String = "localhost", port: Int = 50051, interactive: Bool = false, failFast: Bool = false,
        tokenFile: String? = nil, format: ShellSession.OutputFormat = .json
    ) {
        self.host = host
        self.port = port
        self.interactive = interactive
        self.failFast = failFast
        self.tokenFile = tokenFile
        self.format = format
    }
}

/// The shell: reads command lines from a `LineInput`, runs them against the server and
/// prints results until `quit` or the end of input. A failed command prints
/// `ERROR STATUS: message` and the shell goes on (unless `failFast`).
public final class Shell: Sendable {
    public let session: ShellSession
    let options: ShellOptions
    let schema: ShellSchema
    let console: ShellConsole

    public init(options: ShellOptions, schema: ShellSchema = .portico, console: ShellConsole? = nil) {
        self.options = options
        self.schema = schema
        self.console = console ?? .standard(colour: options.interactive)
        session = ShellSession(format: options.format)
    }

    /// Runs until the input ends or `quit`; returns the process exit status: 0, or 1 when
    /// `failFast` stopped at a failed command.
    public func run(input: any LineInput) async throws -> Int32 {
        let transport = try HTTP2ClientTransport.Posix(
            target: .dns(host: options.host, port: options.port), transportSecurity: .plaintext
        )
        return try await withGRPCClient(transport: transport) { client in
            let invoker = RPCInvoker(client: client)
            await resumeSession(invoker)
            return await loop(input: input, invoker: invoker)
        }
    }

    private func loop(input: any LineInput, invoker: RPCInvoker) async -> Int32 {
        while let line = input.readLine(prompt: options.interactive ? session.prompt : "") {
            // The input keeps what `HistoryPolicy` allows (a plain input keeps nothing).
            input.addHistory(line)
            do {
                guard let command = try ShellCommand.parse(line, schema: schema) else { continue }
                if command == .quit { break }
                try await execute(command, input: input, invoker: invoker)
            } catch {
                console.print(Self.shellError(error))
                if options.failFast { return 1 }
            }
        }
        return 0
    }

    private func execute(_ command: ShellCommand, input: any LineInput, invoker: RPCInvoker) async throws {
        let discovery = ShellDiscovery(schema: schema)
        switch command {
        case .help: console.print(ShellHelp.text)
        case .quit: break
        case .services: console.print(discovery.services())
        case .methods(let service): console.print(try discovery.methods(service: service))
        case .describe(let method): console.print(try discovery.describe(method))
        case .format(let format):
            session.format = format
        case .login(let email, let tenantID):
            try await login(email: email, tenantID: tenantID, input: input, invoker: invoker)
        case .logout: try await logout(invoker)
        case .whoami: try await whoAmI(invoker)
        case .saveToken(let path): try saveToken(to: path)
        case .call(let call):
            guard options.interactive else { return try await self.call(call, invoker: invoker) }
            try await Interrupt.cancellingOnInterrupt { try await self.call(call, invoker: invoker) }
        }
    }

    /// Any error as the one shape the shell prints; an unexpected error's text is
    /// shown as it is (it comes from the transport or the file system, never a secret).
    static func shellError(_ error: any Error) -> ShellError {
        switch error {
        case let error as ShellError: error
        case let error as RPCError: ShellError(error)
        case is CancellationError: ShellError(status: "CANCELLED", message: "interrupted")
        default: ShellError(status: "UNKNOWN", message: "\(error)")
        }
    }
}
