/// Resolves every type reference (protoc's `CrossLink*`): field types, extendees and
/// method input/output types, with the duplicate field/extension number checks that
/// protoc makes at the same time.
extension LinkSession {
    func crossLink(_ file: FileNode) {
        for message in file.messages { crossLink(message) }
        for field in file.extensions { crossLinkField(field) }
        for service in file.services {
            for method in service.methods { crossLink(method, in: file) }
        }
    }

    private func crossLink(_ message: MessageNode) {
        for nested in message.nested { crossLink(nested) }
        var numbers: [Int32: FieldNode] = [:]
        for field in message.fields {
            crossLinkField(field)
            guard field.number > 0 else { continue }
            if let previous = numbers[field.number] {
                error("Field number \(field.number) has already been used in \"\(message.fullName)\" by field \"\(previous.name.text)\".", at: field.numberLocation)
            } else {
                numbers[field.number] = field
            }
        }
        for field in message.extensions { crossLinkField(field) }
    }

    private func crossLinkField(_ field: FieldNode) {
        if let extendee = field.extendee, let target = resolveExtendee(extendee, of: field) {
            field.extendeeMessage = target
            field.extendeeName = "." + target.fullName
            checkExtensionNumber(field, of: target)
        }
        if field.type == nil || field.isGroup {
            resolveType(of: field)
        }
        renderDefaultValue(of: field)
    }

    private func resolveExtendee(_ extendee: AST.TypeReference, of field: FieldNode) -> MessageNode? {
        let outcome = symbols.lookup(extendee.text, relativeTo: field.fullName, typesOnly: false, from: field.file)
        guard let symbol = outcome.symbol else {
            reportUndefined(extendee.text, outcome, in: field.file, at: extendee.location)
            return nil
        }
        guard case .message(let message) = symbol.target else {
            error("\"\(extendee.text)\" is not a message type.", at: extendee.location)
            return nil
        }
        return message
    }

    private func checkExtensionNumber(_ field: FieldNode, of target: MessageNode) {
        guard field.number > 0 else { return }
        let declared = target.extensionRanges.contains { $0.start <= field.number && field.number < $0.end }
        if !declared {
            error("\"\(target.fullName)\" does not declare \(field.number) as an extension number.", at: field.numberLocation)
        }
        // The same number twice in one file is an error; across files protoc only warns.
        guard let previous = extensionsByNumber[target.fullName, default: [:]][field.number] else {
            extensionsByNumber[target.fullName, default: [:]][field.number] = field
            return
        }
        if previous.file === field.file {
            error("Extension number \(field.number) has already been used in \"\(target.fullName)\" by extension \"\(previous.fullName)\".", at: field.numberLocation)
        } else {
            warning("Extension number \(field.number) has already been used in \"\(target.fullName)\" by extension \"\(previous.fullName)\" defined in \(previous.file.path).", at: field.numberLocation)
        }
    }

    private func resolveType(of field: FieldNode) {
        let reference = field.typeReference
        let outcome = symbols.lookup(reference.text, relativeTo: field.fullName, typesOnly: true, from: field.file)
        guard let symbol = outcome.symbol else {
            reportUndefined(reference.text, outcome, in: field.file, at: reference.location)
            return
        }
        switch symbol.target {
        case .message(let message):
            field.resolvedMessage = message
            field.type = field.isGroup ? .group : .message
            field.typeName = "." + message.fullName
        case .enumType(let enumNode) where !field.isGroup:
            field.resolvedEnum = enumNode
            field.type = .enum
            field.typeName = "." + enumNode.fullName
        case .enumType:
            error("\"\(reference.text)\" is not a message type.", at: reference.location)
        default:
            error("\"\(reference.text)\" is not a type.", at: reference.location)
        }
    }

    private func crossLink(_ method: MethodNode, in file: FileNode) {
        let declaration = method.declaration
        method.inputType = resolveMethodType(declaration.inputType, of: method, in: file)
        method.outputType = resolveMethodType(declaration.outputType, of: method, in: file)
    }

    private func resolveMethodType(_ reference: AST.TypeReference, of method: MethodNode, in file: FileNode) -> String {
        let outcome = symbols.lookup(reference.text, relativeTo: method.fullName, typesOnly: false, from: file)
        guard let symbol = outcome.symbol else {
            reportUndefined(reference.text, outcome, in: file, at: reference.location)
            return reference.text
        }
        guard case .message(let message) = symbol.target else {
            error("\"\(reference.text)\" is not a message type.", at: reference.location)
            return reference.text
        }
        return "." + message.fullName
    }
}
