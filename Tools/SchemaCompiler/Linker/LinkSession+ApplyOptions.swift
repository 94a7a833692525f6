/// Interprets the options of every element once all files are cross-linked (option
/// values may name types and extensions from anywhere), and copies out the standard
/// values the checks and the emitter need.
extension LinkSession {
    func applyOptions(_ file: FileNode) {
        // protoc's name scope for file options is "<package>.<placeholder>".
        let fileOptions = interpretOptions(file.options, for: .file, scope: "." + qualified(file.package, "_"), file: file)
        file.encodedOptions = fileOptions.encoded
        file.optimizeForLite = fileOptions.integer("optimize_for") == 3  // LITE_RUNTIME
        file.hasGenericServices = fileOptions.bool("cc_generic_services") == true
            || fileOptions.bool("java_generic_services") == true
        file.messages.forEach(applyOptions)
        file.enums.forEach(applyOptions)
        file.extensions.forEach(applyOptions)
        for service in file.services {
            let declaration = service.declaration
            service.encodedOptions = interpretOptions(declaration.options, for: .service, scope: "." + service.fullName, file: file).encoded
            for method in service.methods {
                method.encodedOptions = interpretOptions(
                    method.declaration.options, for: .method, scope: "." + method.fullName, file: file,
                    forceEmpty: method.declaration.hasBody).encoded
            }
        }
    }

    private func applyOptions(_ message: MessageNode) {
        let file = message.file
        if message.generatedForMapField == nil {
            let options = interpretOptions(message.options, for: .message, scope: "." + message.fullName, file: file)
            message.encodedOptions = options.encoded
            message.isMapEntry = options.bool("map_entry") ?? false
            message.isDeprecated = options.bool("deprecated") ?? false
        }
        message.fields.forEach(applyOptions)
        for oneof in message.oneofs where !oneof.isSynthetic {
            oneof.encodedOptions = interpretOptions(oneof.options, for: .oneof, scope: "." + message.fullName + "." + oneof.name, file: file).encoded
        }
        for range in message.extensionRanges {
            range.encodedOptions = interpretOptions(range.options, for: .extensionRange, scope: "." + message.fullName, file: file).encoded
        }
        message.nested.forEach(applyOptions)
        message.enums.forEach(applyOptions)
        message.extensions.forEach(applyOptions)
    }

    private func applyOptions(_ field: FieldNode) {
        let options = interpretOptions(field.options, for: .field, scope: "." + field.fullName, file: field.file)
        field.encodedOptions = options.encoded
        field.isDeprecated = options.bool("deprecated") ?? false
        field.packedOption = options.bool("packed")
        let packable = field.label == .repeated && (field.type?.isPackable ?? false)
        field.isPacked = packable && (field.packedOption ?? field.file.isProto3)
    }

    private func applyOptions(_ enumNode: EnumNode) {
        let file = enumNode.file
        let options = interpretOptions(enumNode.declaration.options, for: .enumType, scope: "." + enumNode.fullName, file: file)
        enumNode.encodedOptions = options.encoded
        enumNode.allowsAlias = options.bool("allow_alias") ?? false
        for value in enumNode.values {
            let valueOptions = interpretOptions(value.declaration.options, for: .enumValue, scope: "." + value.fullName, file: file)
            value.encodedOptions = valueOptions.encoded
            value.isDeprecated = valueOptions.bool("deprecated") ?? false
        }
    }
}
