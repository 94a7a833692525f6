/// Registers every definition in the symbol table in protoc's order (which decides
/// which of two clashing definitions gets the error): per message its oneofs, fields,
/// nested types, enums and extensions before the message itself; per enum its values
/// (in the enum's parent scope) before the enum.
extension LinkSession {
    func registerSymbols(of file: FileNode) {
        symbols.recordPackage(of: file)
        if let package = file.packageDeclaration, !file.package.isEmpty {
            symbols.addPackage(file.package, file: file, at: package.location, diagnostics: &diagnostics)
        }
        file.messages.forEach(register)
        file.enums.forEach(register)
        for service in file.services {
            for method in service.methods {
                define(method.fullName, .method(method), in: file, at: method.declaration.name.location)
            }
            define(service.fullName, .service(service), in: file, at: service.declaration.name.location)
        }
        for field in file.extensions {
            define(field.fullName, .field(field), in: file, at: field.name.location)
        }
    }

    private func register(_ message: MessageNode) {
        let file = message.file
        for oneof in message.oneofs {
            define(message.fullName + "." + oneof.name, .oneof(oneof), in: file, at: oneof.location)
        }
        for field in message.fields {
            define(field.fullName, .field(field), in: file, at: field.name.location)
        }
        message.nested.forEach(register)
        message.enums.forEach(register)
        for field in message.extensions {
            define(field.fullName, .field(field), in: file, at: field.name.location)
        }
        define(message.fullName, .message(message), in: file, at: message.name.location)
    }

    private func register(_ enumNode: EnumNode) {
        let file = enumNode.file
        var namesInEnum: Set<String> = []
        for value in enumNode.values {
            let location = value.declaration.name.location
            let addedToOuterScope = define(value.fullName, .enumValue(value), in: file, at: location)
            let addedToEnum = namesInEnum.insert(value.name).inserted
            if addedToEnum && !addedToOuterScope {
                let outer = enumNode.parent?.fullName ?? file.package
                let outerScope = outer.isEmpty ? "the global scope" : "\"\(outer)\""
                error("Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"\(value.name)\" must be unique within \(outerScope), not just within \"\(enumNode.name.text)\".", at: location)
            }
        }
        define(enumNode.fullName, .enumType(enumNode), in: file, at: enumNode.name.location)
    }
}
