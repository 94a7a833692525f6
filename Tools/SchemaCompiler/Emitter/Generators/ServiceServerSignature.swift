/// How one handler is declared at one protocol level, and its parameter docs.
struct ServerSignature {
    let method: ServiceModel.Method
    let level: ServiceServerGenerator.Level

    private var input: String { method.input }
    private var output: String { method.output }

    /// `(parameters, result)`; a nil result means the handler returns nothing (simple
    /// server-streaming handlers write to `response` instead).
    private var shape: (parameters: [String], result: String?) {
        let context = "context: GRPCCore.ServerContext"
        switch (level, method.kind) {
        case (.streaming, _), (.standard, .bidirectionalStreaming):
            return (["request: GRPCCore.StreamingServerRequest<\(input)>", context],
                    "GRPCCore.StreamingServerResponse<\(output)>")
        case (.standard, .unary):
            return (["request: GRPCCore.ServerRequest<\(input)>", context], "GRPCCore.ServerResponse<\(output)>")
        case (.standard, .clientStreaming):
            return (["request: GRPCCore.StreamingServerRequest<\(input)>", context],
                    "GRPCCore.ServerResponse<\(output)>")
        case (.standard, .serverStreaming):
            return (["request: GRPCCore.ServerRequest<\(input)>", context],
                    "GRPCCore.StreamingServerResponse<\(output)>")
        case (.simple, .unary):
            return (["request: \(input)", context], output)
        case (.simple, .clientStreaming):
            return (["request: GRPCCore.RPCAsyncSequence<\(input), any Swift.Error>", context], output)
        case (.simple, .serverStreaming):
            return (["request: \(input)", "response: GRPCCore.RPCWriter<\(output)>", context], nil)
        case (.simple, .bidirectionalStreaming):
            return (["request: GRPCCore.RPCAsyncSequence<\(input), any Swift.Error>",
                     "response: GRPCCore.RPCWriter<\(output)>", context], nil)
        }
    }

    /// Prints `prefix func name(` … `) async throws -> Result`, then ` {` + body + `}`
    /// when there is a body.
    func print(prefix: String, body: ((inout CodePrinter) -> Void)?, _ printer: inout CodePrinter) {
        let (parameters, result) = shape
        printer.print("\(prefix)func \(method.functionName)(")
        printer.withIndentation { printer in
            for (index, parameter) in parameters.enumerated() {
                printer.print(parameter + (index == parameters.count - 1 ? "" : ","))
            }
        }
        let effects = ") async throws" + (result.map { " -> \($0)" } ?? "")
        guard let body else {
            printer.print(effects)
            return
        }
        printer.block(effects + " {", body)
    }

    /// The `- Parameters:` / `- Throws:` / `- Returns:` docs of a handler.
    static func documentation(_ method: ServiceModel.Method, level: ServiceServerGenerator.Level) -> [String] {
        let input = method.input
        let output = method.output
        let request: String
        var response: String? = nil
        var returns: String? = nil
        switch (level, method.kind.isRequestStreaming) {
        case (.streaming, _), (.standard, true): request = "A streaming request of `\(input)` messages."
        case (.standard, false): request = "A request containing a single `\(input)` message."
        case (.simple, true): request = "A stream of `\(input)` messages."
        case (.simple, false): request = "A `\(input)` message."
        }
        switch (level, method.kind.isResponseStreaming) {
        case (.streaming, _), (.standard, true): returns = "A streaming response of `\(output)` messages."
        case (.standard, false): returns = "A response containing a single `\(output)` message."
        case (.simple, true): response = "A response stream of `\(output)` messages."
        case (.simple, false): returns = "A `\(output)` to respond with."
        }
        var lines = ["/// - Parameters:", "///   - request: \(request)"]
        if let response { lines.append("///   - response: \(response)") }
        lines.append("///   - context: Context providing information about the RPC.")
        lines += ServiceDocs.handlerThrows
        if let returns { lines.append("/// - Returns: \(returns)") }
        return lines
    }
}

/// Bodies of the default implementations that bridge protocol levels.
enum ServerBridge {
    /// A `ServiceProtocol` method seen as a `StreamingServiceProtocol` one.
    static func streamingBody(_ method: ServiceModel.Method, _ printer: inout CodePrinter) {
        let request = method.kind.isRequestStreaming ? "request" : "GRPCCore.ServerRequest(stream: request)"
        printer.block("let response = try await self.\(method.functionName)(", closing: ")") { printer in
            printer.print("request: \(request),", "context: context")
        }
        printer.print(method.kind.isResponseStreaming
            ? "return response" : "return GRPCCore.StreamingServerResponse(single: response)")
    }

    /// A `SimpleServiceProtocol` method seen as a `ServiceProtocol` one.
    static func standardBody(_ method: ServiceModel.Method, _ printer: inout CodePrinter) {
        let request = method.kind.isRequestStreaming ? "request.messages" : "request.message"
        guard method.kind.isResponseStreaming else {
            printer.block("return GRPCCore.ServerResponse<\(method.output)>(", closing: ")") { printer in
                printer.block("message: try await self.\(method.functionName)(", closing: "),") { printer in
                    printer.print("request: \(request),", "context: context")
                }
                printer.print("metadata: [:]")
            }
            return
        }
        printer.block("return GRPCCore.StreamingServerResponse<\(method.output)>(", closing: ")") { printer in
            printer.print("metadata: [:],")
            printer.block("producer: { writer in", closing: "}") { printer in
                printer.block("try await self.\(method.functionName)(", closing: ")") { printer in
                    printer.print("request: \(request),", "response: writer,", "context: context")
                }
                printer.print("return [:]")
            }
        }
    }
}
