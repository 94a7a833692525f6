/// Generates a service's server side as protoc-gen-grpc-swift-2 does: three protocols
/// (`StreamingServiceProtocol` ← `ServiceProtocol` ← `SimpleServiceProtocol`, each
/// simpler than the last), `registerMethods(with:)`, and default implementations that
/// bridge each protocol's methods to the next one's, so a service implements only the
/// level it conforms to.
struct ServiceServerGenerator {
    let service: ServiceModel
    let context: EmitterContext

    /// One protocol level's spelling of a handler.
    enum Level {
        case streaming, standard, simple
    }

    func generate(_ printer: inout CodePrinter) {
        printer.print("// MARK: \(service.fullName) (server)")
        printer.print()
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension \(service.namespace) {") { printer in
            printProtocol(.streaming, &printer)
            printer.print()
            printProtocol(.standard, &printer)
            printer.print()
            printProtocol(.simple, &printer)
        }
        printer.print()
        printRegisterMethods(&printer)
        let bridged = service.methods.filter { $0.kind != .bidirectionalStreaming }
        if !bridged.isEmpty {
            printer.print()
            printer.print("// Default implementation of streaming methods from 'StreamingServiceProtocol'.")
            printDefaultImplementations(of: bridged, in: "ServiceProtocol", level: .streaming, &printer)
        }
        if !service.methods.isEmpty {
            printer.print()
            printer.print("// Default implementation of methods from 'ServiceProtocol'.")
            printDefaultImplementations(of: service.methods, in: "SimpleServiceProtocol", level: .standard, &printer)
        }
    }

    // MARK: Protocols

    private func printProtocol(_ level: Level, _ printer: inout CodePrinter) {
        let (name, parent, summary) = Self.protocolHeader(level, namespace: service.namespace, fullName: service.fullName)
        printer.print(contentsOf: ServiceDocs.suffix(summary, withDocs: service.documentation))
        printer.block("\(context.visibility)protocol \(name): \(parent) {") { printer in
            for (index, method) in service.methods.enumerated() {
                if index > 0 { printer.print() }
                let docs = ServerSignature.documentation(method, level: level)
                printer.print(contentsOf: ServiceDocs.interpose(
                    method.documentation, between: ["/// Handle the \"\(method.protoName)\" method."], and: docs))
                ServerSignature(method: method, level: level).print(prefix: "", body: nil, &printer)
            }
        }
    }

    private static func protocolHeader(
        _ level: Level, namespace: String, fullName: String
    ) -> (name: String, parent: String, summary: [String]) {
        switch level {
        case .streaming:
            return ("StreamingServiceProtocol", "GRPCCore.RegistrableRPCService", [
                "/// Streaming variant of the service protocol for the \"\(fullName)\" service.",
                "///",
                "/// This protocol is the lowest-level of the service protocols generated for this service",
                "/// giving you the most flexibility over the implementation of your service. This comes at",
                "/// the cost of more verbose and less strict APIs. Each RPC requires you to implement it in",
                "/// terms of a request stream and response stream. Where only a single request or response",
                "/// message is expected, you are responsible for enforcing this invariant is maintained.",
                "///",
                "/// Where possible, prefer using the stricter, less-verbose ``ServiceProtocol``",
                "/// or ``SimpleServiceProtocol`` instead.",
            ])
        case .standard:
            return ("ServiceProtocol", "\(namespace).StreamingServiceProtocol", [
                "/// Service protocol for the \"\(fullName)\" service.",
                "///",
                "/// This protocol is higher level than ``StreamingServiceProtocol`` but lower level than",
                "/// the ``SimpleServiceProtocol``, it provides access to request and response metadata and",
                "/// trailing response metadata. If you don't need these then consider using",
                "/// the ``SimpleServiceProtocol``. If you need fine grained control over your RPCs then",
                "/// use ``StreamingServiceProtocol``.",
            ])
        case .simple:
            return ("SimpleServiceProtocol", "\(namespace).ServiceProtocol", [
                "/// Simple service protocol for the \"\(fullName)\" service.",
                "///",
                "/// This is the highest level protocol for the service. The API is the easiest to use but",
                "/// doesn't provide access to request or response metadata. If you need access to these",
                "/// then use ``ServiceProtocol`` instead.",
            ])
        }
    }

    // MARK: Default implementations

    private func printRegisterMethods(_ printer: inout CodePrinter) {
        printer.print("// Default implementation of 'registerMethods(with:)'.")
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension \(service.namespace).StreamingServiceProtocol {") { printer in
            let signature = "func registerMethods<Transport>(with router: inout GRPCCore.RPCRouter<Transport>) where Transport: GRPCCore.ServerTransport {"
            printer.block(context.visibility + signature) { printer in
                for method in service.methods {
                    printer.block("router.registerHandler(", closing: ")") { printer in
                        printer.print("forMethod: \(service.namespace).Method.\(method.typeName).descriptor,")
                        printer.print("deserializer: \(ServiceFileGenerator.deserializer(method.input)),")
                        printer.print("serializer: \(ServiceFileGenerator.serializer(method.output)),")
                        printer.block("handler: { request, context in", closing: "}") { printer in
                            printer.block("try await self.\(method.functionName)(", closing: ")") { printer in
                                printer.print("request: request,", "context: context")
                            }
                        }
                    }
                }
            }
        }
    }

    /// Methods of `level` written in terms of the level above, in an extension of
    /// `protocolName` (the level that implements them).
    private func printDefaultImplementations(
        of methods: [ServiceModel.Method], in protocolName: String, level: Level, _ printer: inout CodePrinter
    ) {
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension \(service.namespace).\(protocolName) {") { printer in
            for (index, method) in methods.enumerated() {
                if index > 0 { printer.print() }
                ServerSignature(method: method, level: level).print(prefix: context.visibility, body: { printer in
                    switch level {
                    case .streaming: ServerBridge.streamingBody(method, &printer)
                    case .standard, .simple: ServerBridge.standardBody(method, &printer)
                    }
                }, &printer)
            }
        }
    }
}
