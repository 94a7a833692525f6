import PorticoAPI
import ProtoWireGRPC

/// The text of `services`, `methods` and `describe`, straight from the registry.
struct ShellDiscovery: Sendable {
    let schema: ShellSchema

    /// One service per line: its shell name, full name (when it differs) and method count.
    func services() -> String {
        schema.services.map { service in
            let name = schema.displayName(of: service)
            let full = service.descriptor.fullyQualifiedService
            let count = "\(service.methods.count) method\(service.methods.count == 1 ? "" : "s")"
            return name == full ? "\(name): \(count)" : "\(name) (\(full)): \(count)"
        }.joined(separator: "\n")
    }

    /// One method per line as an rpc signature; every service's when `service` is nil.
    func methods(service name: String?) throws(ShellError) -> String {
        var services = schema.services
        if let name {
            guard let service = schema.service(named: name) else {
                throw ShellError(status: "NOT_FOUND", message: "no service \"\(name)\" (services lists them)")
            }
            services = [service]
        }
        return services.flatMap { service in
            service.methods.map { signature(schema.displayName(of: service) + "/" + $0.descriptor.method, $0) }
        }.joined(separator: "\n")
    }

    /// The signature, who may call it, and the request's and response's fields.
    func describe(_ name: String) throws(ShellError) -> String {
        let method = try resolve(name)
        var lines = [signature(method.displayName, method.method)]
        lines.append("access: " + accessText(schema.access[method.method.descriptor]))
        lines += fieldLines("request", method.method.inputType)
        lines += fieldLines("response", method.method.outputType)
        return lines.joined(separator: "\n")
    }

    func resolve(_ name: String) throws(ShellError) -> ShellSchema.Method {
        guard let method = schema.method(named: name) else {
            throw ShellError(status: "NOT_FOUND", message: "no method \"\(name)\" (methods lists them)")
        }
        return method
    }

    private func signature(_ name: String, _ method: ProtoMethodDescription) -> String {
        let input = (method.isClientStreaming ? "stream " : "") + method.inputType
        let output = (method.isServerStreaming ? "stream " : "") + method.outputType
        return "\(name)(\(input)) returns (\(output))"
    }

    /// Who the server lets call the method, from its `(portico.v1.access)` option.
    private func accessText(_ rule: Portico_V1_AccessRule?) -> String {
        guard let rule else { return "no access rule (the server refuses every call)" }
        var text: String
        if rule.public {
            text = "public (no sign-in needed)"
        } else if rule.anySignedIn {
            text = "any signed-in user"
        } else {
            text = "roles " + rule.roles.map(ShellSession.roleName).joined(separator: ", ")
        }
        if rule.allowedBeforePasswordChange { text += "; also before a required password change" }
        return text
    }

    /// `request portico.v1.X:` then one aligned line per field: JSON name, type, proto
    /// name and number.
    private func fieldLines(_ title: String, _ messageName: String) -> [String] {
        guard let message = schema.messages[messageName] else { return ["\(title) \(messageName): (fields unknown)"] }
        guard !message.fields.isEmpty else { return ["\(title) \(messageName): no fields"] }
        let nameWidth = message.fields.map(\.jsonName.count).max() ?? 0
        let typeWidth = message.fields.map(\.typeDescription.count).max() ?? 0
        return ["\(title) \(messageName):"] + message.fields.map { field in
            "  " + field.jsonName.padded(to: nameWidth) + "  " + field.typeDescription.padded(to: typeWidth)
                + "  (\(field.name) = \(field.number))" + enumValues(field)
        }
    }

    /// An enum field's values, as its JSON takes them.
    private func enumValues(_ field: ProtoFieldDescription) -> String {
        guard field.kind == .enum, let values = schema.enums[field.type] else { return "" }
        return "  " + values.joined(separator: "|")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
