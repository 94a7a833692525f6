/// Generates a service's client side as protoc-gen-grpc-swift-2 does: `ClientProtocol`
/// (one call per method, explicit serializers), `Client` (its implementation over a
/// `GRPCCore.GRPCClient`), then extensions giving every call the ProtoWire serializers
/// and a sugared form taking the message (or a request producer) and metadata.
struct ServiceClientGenerator {
    let service: ServiceModel
    let context: EmitterContext

    func generate(_ printer: inout CodePrinter) {
        printer.print("// MARK: \(service.fullName) (client)")
        printer.print()
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension \(service.namespace) {") { printer in
            printClientProtocol(&printer)
            printer.print()
            printClient(&printer)
        }
        guard !service.methods.isEmpty else { return }
        printer.print()
        printer.print("// Helpers providing default arguments to 'ClientProtocol' methods.")
        printExtension(&printer) { method, printer in ClientCall(method: method).printWithDefaultCoders(context.visibility, &printer) }
        printer.print()
        printer.print("// Helpers providing sugared APIs for 'ClientProtocol' methods.")
        printExtension(&printer) { method, printer in ClientCall(method: method).printSugared(context.visibility, &printer) }
    }

    private func printClientProtocol(_ printer: inout CodePrinter) {
        printer.print(contentsOf: ServiceDocs.suffix([
            "/// Generated client protocol for the \"\(service.fullName)\" service.",
            "///",
            "/// You don't need to implement this protocol directly, use the generated",
            "/// implementation, ``Client``.",
        ], withDocs: service.documentation))
        printer.block("\(context.visibility)protocol ClientProtocol: Sendable {") { printer in
            for (index, method) in service.methods.enumerated() {
                if index > 0 { printer.print() }
                ClientCall(method: method).printRequirement(&printer)
            }
        }
    }

    private func printClient(_ printer: inout CodePrinter) {
        let visibility = context.visibility
        printer.print(contentsOf: ServiceDocs.suffix([
            "/// Generated client for the \"\(service.fullName)\" service.",
            "///",
            "/// The ``Client`` provides an implementation of ``ClientProtocol`` which wraps",
            "/// a `GRPCCore.GRPCCClient`. The underlying `GRPCClient` provides the long-lived",
            "/// means of communication with the remote peer.",
        ], withDocs: service.documentation))
        printer.block("\(visibility)struct Client<Transport>: ClientProtocol where Transport: GRPCCore.ClientTransport {") { printer in
            printer.print("private let client: GRPCCore.GRPCClient<Transport>")
            printer.print()
            printer.print("/// Creates a new client wrapping the provided `GRPCCore.GRPCClient`.")
            printer.print("///")
            printer.print("/// - Parameters:")
            printer.print("///   - client: A `GRPCCore.GRPCClient` providing a communication channel to the service.")
            printer.block("\(visibility)init(wrapping client: GRPCCore.GRPCClient<Transport>) {") { printer in
                printer.print("self.client = client")
            }
            for method in service.methods {
                printer.print()
                ClientCall(method: method).printImplementation(
                    visibility, descriptor: "\(service.namespace).Method.\(method.typeName).descriptor", &printer)
            }
        }
    }

    private func printExtension(
        _ printer: inout CodePrinter, _ body: (ServiceModel.Method, inout CodePrinter) -> Void
    ) {
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension \(service.namespace).ClientProtocol {") { printer in
            for (index, method) in service.methods.enumerated() {
                if index > 0 { printer.print() }
                body(method, &printer)
            }
        }
    }
}
