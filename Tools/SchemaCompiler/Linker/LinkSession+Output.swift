/// Turns the working tree into the resolved model, in protoc's element order.
extension LinkSession {
    func descriptor(of file: FileNode) -> FileDescriptor {
        var result = FileDescriptor(name: file.path)
        result.package = file.packageDeclaration == nil ? nil : file.package
        for (index, declaration) in file.imports.enumerated() {
            result.dependencies.append(declaration.path)
            if declaration.kind == .public { result.publicDependencies.append(Int32(index)) }
            if declaration.kind == .weak { result.weakDependencies.append(Int32(index)) }
        }
        result.messageTypes = file.messages.map(descriptor(of:))
        result.enumTypes = file.enums.map(descriptor(of:))
        result.services = file.services.map(descriptor(of:))
        result.extensions = file.extensions.map(descriptor(of:))
        result.options = file.encodedOptions
        result.syntax = file.isProto3 ? "proto3" : nil
        result.headerComments = file.headerComments
        return result
    }

    func descriptor(of message: MessageNode) -> MessageDescriptor {
        var result = MessageDescriptor(name: message.name.text)
        result.fields = message.fields.map(descriptor(of:))
        result.extensions = message.extensions.map(descriptor(of:))
        result.nestedTypes = message.nested.map(descriptor(of:))
        result.enumTypes = message.enums.map(descriptor(of:))
        result.extensionRanges = message.extensionRanges.map {
            MessageDescriptor.ExtensionRange(start: $0.start, end: $0.end, options: $0.encodedOptions)
        }
        result.oneofDecls = message.oneofs.map(descriptor(of:))
        result.options = message.encodedOptions
        result.reservedRanges = message.reservedRanges.map { MessageDescriptor.ReservedRange(start: $0.start, end: $0.end) }
        result.reservedNames = message.reservedNames.map(\.text)
        result.fullName = "." + message.fullName
        result.isMapEntry = message.isMapEntry
        result.isDeprecated = message.isDeprecated
        result.isProto3 = message.file.isProto3
        result.location = message.location
        result.comments = message.comments
        return result
    }

    func descriptor(of field: FieldNode) -> FieldDescriptor {
        var result = FieldDescriptor(name: field.name.text, number: field.number, label: field.label, type: field.type ?? .message)
        result.typeName = field.typeName
        result.extendee = field.extendeeName ?? field.extendee.map(\.text)
        result.defaultValue = field.defaultValue
        result.oneofIndex = field.oneofIndex.map(Int32.init)
        result.jsonName = field.jsonName ?? Names.jsonName(field.name.text)
        result.options = field.encodedOptions
        result.proto3Optional = field.isProto3Optional ? true : nil
        result.fullName = "." + field.fullName
        result.isPacked = field.isPacked
        result.isDeprecated = field.isDeprecated
        result.location = field.location
        result.comments = field.comments
        return result
    }

    func descriptor(of oneof: OneofNode) -> OneofDescriptor {
        var result = OneofDescriptor(name: oneof.name)
        result.options = oneof.encodedOptions
        result.isSynthetic = oneof.isSynthetic
        result.location = oneof.location
        result.comments = oneof.comments
        return result
    }

    func descriptor(of enumNode: EnumNode) -> EnumDescriptor {
        var result = EnumDescriptor(name: enumNode.name.text)
        result.values = enumNode.values.map { value in
            var descriptor = EnumValueDescriptor(name: value.name, number: value.number)
            descriptor.options = value.encodedOptions
            descriptor.isDeprecated = value.isDeprecated
            descriptor.location = value.declaration.location
            descriptor.comments = value.declaration.comments
            return descriptor
        }
        result.options = enumNode.encodedOptions
        result.reservedRanges = enumNode.reservedRanges.map { EnumDescriptor.ReservedRange(start: $0.start, end: $0.end) }
        result.reservedNames = enumNode.reservedNames.map(\.text)
        result.fullName = "." + enumNode.fullName
        result.isOpen = enumNode.file.isProto3
        result.location = enumNode.declaration.location
        result.comments = enumNode.declaration.comments
        return result
    }

    func descriptor(of service: ServiceNode) -> ServiceDescriptor {
        var result = ServiceDescriptor(name: service.declaration.name.text)
        result.methods = service.methods.map { method in
            let declaration = method.declaration
            var descriptor = MethodDescriptor(name: declaration.name.text, inputType: method.inputType, outputType: method.outputType)
            descriptor.options = method.encodedOptions
            descriptor.clientStreaming = declaration.clientStreaming
            descriptor.serverStreaming = declaration.serverStreaming
            descriptor.location = declaration.location
            descriptor.comments = declaration.comments
            return descriptor
        }
        result.options = service.encodedOptions
        result.fullName = "." + service.fullName
        result.location = service.declaration.location
        result.comments = service.declaration.comments
        return result
    }
}
