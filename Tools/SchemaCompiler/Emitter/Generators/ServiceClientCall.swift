/// The four spellings of one client call: the `ClientProtocol` requirement, its `Client`
/// implementation, the overload with ProtoWire's serializers filled in, and the sugared
/// overload taking a message (or request producer) and metadata.
struct ClientCall {
    let method: ServiceModel.Method

    private var input: String { method.input }
    private var name: String { method.functionName }

    private var requestType: String {
        method.kind.isRequestStreaming
            ? "GRPCCore.StreamingClientRequest<\(input)>" : "GRPCCore.ClientRequest<\(input)>"
    }

    private var responseType: String {
        method.kind.isResponseStreaming
            ? "GRPCCore.StreamingClientResponse<\(method.output)>" : "GRPCCore.ClientResponse<\(method.output)>"
    }

    private var requestDoc: String {
        method.kind.isRequestStreaming
            ? "///   - request: A streaming request producing `\(input)` messages."
            : "///   - request: A request containing a single `\(input)` message."
    }

    /// `onResponse` with grpc-swift's default (the single response's message) when the
    /// response is one message; a streamed response has no sensible default.
    private func responseHandlerParameter(withDefault: Bool) -> String {
        let parameter = "onResponse handleResponse: @Sendable @escaping (\(responseType)) async throws -> Result"
        guard withDefault, !method.kind.isResponseStreaming else { return parameter }
        return parameter + " = { response in\n    try response.message\n}"
    }

    private func documentation(_ parameters: [String]) -> [String] {
        ServiceDocs.interpose(
            method.documentation, between: ["/// Call the \"\(method.protoName)\" method."],
            and: ["/// - Parameters:"] + parameters + ServiceDocs.handleResponseParameter
                + ["/// - Returns: The result of `handleResponse`."])
    }

    private var coderDocs: [String] {
        [requestDoc,
         "///   - serializer: A serializer for `\(input)` messages.",
         "///   - deserializer: A deserializer for `\(method.output)` messages.",
         "///   - options: Options to apply to this RPC."]
    }

    func printRequirement(_ printer: inout CodePrinter) {
        printer.print(contentsOf: documentation(coderDocs))
        printFunction("", [
            "request: \(requestType)",
            "serializer: some GRPCCore.MessageSerializer<\(input)>",
            "deserializer: some GRPCCore.MessageDeserializer<\(method.output)>",
            "options: GRPCCore.CallOptions",
            responseHandlerParameter(withDefault: false),
        ], body: nil, &printer)
    }

    func printImplementation(_ visibility: String, descriptor: String, _ printer: inout CodePrinter) {
        printer.print(contentsOf: documentation(coderDocs))
        printFunction(visibility, [
            "request: \(requestType)",
            "serializer: some GRPCCore.MessageSerializer<\(input)>",
            "deserializer: some GRPCCore.MessageDeserializer<\(method.output)>",
            "options: GRPCCore.CallOptions = .defaults",
            responseHandlerParameter(withDefault: true),
        ], body: { printer in
            printCall("try await self.client.\(method.kind.rawValue)", [
                "request: request", "descriptor: \(descriptor)", "serializer: serializer",
                "deserializer: deserializer", "options: options", "onResponse: handleResponse",
            ], &printer)
        }, &printer)
    }

    func printWithDefaultCoders(_ visibility: String, _ printer: inout CodePrinter) {
        printer.print(contentsOf: documentation([requestDoc, "///   - options: Options to apply to this RPC."]))
        printFunction(visibility, [
            "request: \(requestType)",
            "options: GRPCCore.CallOptions = .defaults",
            responseHandlerParameter(withDefault: true),
        ], body: { printer in
            printCall("try await self.\(name)", [
                "request: request",
                "serializer: \(ServiceFileGenerator.serializer(input))",
                "deserializer: \(ServiceFileGenerator.deserializer(method.output))",
                "options: options", "onResponse: handleResponse",
            ], &printer)
        }, &printer)
    }

    func printSugared(_ visibility: String, _ printer: inout CodePrinter) {
        let metadataDoc = "///   - metadata: Additional metadata to send, defaults to empty."
        let optionsDoc = "///   - options: Options to apply to this RPC, defaults to `.defaults`."
        let metadata = "metadata: GRPCCore.Metadata = [:]"
        let options = "options: GRPCCore.CallOptions = .defaults"
        let forward = { (printer: inout CodePrinter) in
            printCall("return try await self.\(name)", [
                "request: request", "options: options", "onResponse: handleResponse",
            ], &printer)
        }
        guard method.kind.isRequestStreaming else {
            printer.print(contentsOf: documentation(["///   - message: request message to send.", metadataDoc, optionsDoc]))
            printFunction(visibility, ["_ message: \(input)", metadata, options, responseHandlerParameter(withDefault: true)], body: { printer in
                printCall("let request = GRPCCore.ClientRequest<\(input)>", ["message: message", "metadata: metadata"], &printer)
                forward(&printer)
            }, &printer)
            return
        }
        printer.print(contentsOf: documentation([
            metadataDoc, optionsDoc,
            "///   - producer: A closure producing request messages to send to the server. The request",
            "///       stream is closed when the closure returns.",
        ]))
        printFunction(visibility, [
            metadata, options,
            "requestProducer producer: @Sendable @escaping (GRPCCore.RPCWriter<\(input)>) async throws -> Void",
            responseHandlerParameter(withDefault: true),
        ], body: { printer in
            printCall("let request = GRPCCore.StreamingClientRequest<\(input)>", ["metadata: metadata", "producer: producer"], &printer)
            forward(&printer)
        }, &printer)
    }

    /// `prefix func name<Result>(` one parameter a line `) async throws -> Result where
    /// Result: Sendable`, then the body in braces when there is one.
    private func printFunction(
        _ prefix: String, _ parameters: [String], body: ((inout CodePrinter) -> Void)?, _ printer: inout CodePrinter
    ) {
        printer.print("\(prefix)func \(name)<Result>(")
        printer.withIndentation { printer in
            for (index, parameter) in parameters.enumerated() {
                printer.print(parameter + (index == parameters.count - 1 ? "" : ","))
            }
        }
        let effects = ") async throws -> Result where Result: Sendable"
        guard let body else {
            printer.print(effects)
            return
        }
        printer.block(effects + " {", body)
    }

    /// `callee(` one argument a line `)`.
    private func printCall(_ callee: String, _ arguments: [String], _ printer: inout CodePrinter) {
        printer.block("\(callee)(", closing: ")") { printer in
            for (index, argument) in arguments.enumerated() {
                printer.print(argument + (index == arguments.count - 1 ? "" : ","))
            }
        }
    }
}
