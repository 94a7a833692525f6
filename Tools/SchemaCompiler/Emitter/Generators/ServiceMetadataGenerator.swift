/// Generates a service's namespace enum (service and method descriptors, request and
/// response types) and its static `GRPCCore.ServiceDescriptor` property, shaped as
/// protoc-gen-grpc-swift-2 shapes them.
struct ServiceMetadataGenerator {
    let service: ServiceModel
    let context: EmitterContext

    func generate(_ printer: inout CodePrinter) {
        let visibility = context.visibility
        printer.print("// MARK: - \(service.fullName)")
        printer.print()
        printer.print("/// Namespace containing generated types for the \"\(service.fullName)\" service.")
        printer.print(ServiceFileGenerator.availability)
        printer.block("\(visibility)enum \(service.namespace): Sendable {") { printer in
            printer.print("/// Service descriptor for the \"\(service.fullName)\" service.")
            printer.print("\(visibility)static let descriptor = \(serviceDescriptorExpression)")
            printer.print("/// Namespace for method metadata.")
            printer.block("\(visibility)enum Method: Sendable {") { printer in
                for method in service.methods {
                    printMethod(method, &printer)
                }
                printDescriptors(&printer)
            }
        }
        printer.print()
        printer.print(ServiceFileGenerator.availability)
        printer.block("extension GRPCCore.ServiceDescriptor {") { printer in
            printer.print("/// Service descriptor for the \"\(service.fullName)\" service.")
            printer.print("\(visibility)static let \(service.descriptorProperty) = \(serviceDescriptorExpression)")
        }
    }

    private var serviceDescriptorExpression: String {
        "GRPCCore.ServiceDescriptor(fullyQualifiedService: \"\(service.fullName)\")"
    }

    private func printMethod(_ method: ServiceModel.Method, _ printer: inout CodePrinter) {
        let visibility = context.visibility
        let name = method.protoName
        printer.print("/// Namespace for \"\(name)\" metadata.")
        printer.block("\(visibility)enum \(method.typeName): Sendable {") { printer in
            printer.print("/// Request type for \"\(name)\".")
            printer.print("\(visibility)typealias Input = \(method.input)")
            printer.print("/// Response type for \"\(name)\".")
            printer.print("\(visibility)typealias Output = \(method.output)")
            printer.print("/// Descriptor for \"\(name)\".")
            printer.block("\(visibility)static let descriptor = GRPCCore.MethodDescriptor(", closing: ")") { printer in
                printer.print("service: \(serviceDescriptorExpression),")
                printer.print("method: \"\(name)\",")
                printer.print("type: .\(method.kind.rawValue)")
            }
        }
    }

    private func printDescriptors(_ printer: inout CodePrinter) {
        let visibility = context.visibility
        printer.print("/// Descriptors for all methods in the \"\(service.fullName)\" service.")
        guard !service.methods.isEmpty else {
            printer.print("\(visibility)static let descriptors: [GRPCCore.MethodDescriptor] = []")
            return
        }
        printer.block("\(visibility)static let descriptors: [GRPCCore.MethodDescriptor] = [", closing: "]") { printer in
            for (index, method) in service.methods.enumerated() {
                let separator = index == service.methods.count - 1 ? "" : ","
                printer.print("\(method.typeName).descriptor\(separator)")
            }
        }
    }
}
