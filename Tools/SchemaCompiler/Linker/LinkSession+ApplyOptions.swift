/// Interprets the options of every element once all files are cross-linked (option
/// values may name types and extensions from anywhere), and copies out the standard
/// values the checks and the emitter need.
extension LinkSession {
    func applyOptions(_ file: FileNode) {
        file.encodedOptions = interpretOptions(file.options, for: .file, scope: dotted(file.package), file: file).encoded
        file.optimizeForLite = file.options.contains {
            $0.isStandard("optimize_for") && $0.value == .identifier("LITE_RUNTIME", isNegative: false)
        }
        for message in file.messages { applyOptions(message, scope: file.package) }
        for enumNode in file.enums { applyOptions(enumNode, scope: file.package) }
        for field in file.extensions { applyOptions(field, scope: file.package) }
        for service in file.services {
            let declaration = service.declaration
            service.encodedOptions = interpretOptions(declaration.options, for: .service, scope: dotted(file.package), file: file).encoded
            for method in service.methods {
                method.encodedOptions = interpretOptions(
                    method.declaration.options, for: .method, scope: dotted(service.fullName), file: file,
                    forceEmpty: method.declaration.hasBody).encoded
            }
        }
    }

    /// `scope` is where name lookups for the message's own options start: the
    /// message's parent scope, as in protoc.
    private func applyOptions(_ message: MessageNode, scope: String) {
        let file = message.file
        if message.generatedForMapField == nil {
            let options = interpretOptions(message.options, for: .message, scope: dotted(scope), file: file)
            message.encodedOptions = options.encoded
            message.isMapEntry = options.flag("map_entry") ?? false
            message.isDeprecated = options.flag("deprecated") ?? false
        }
        for field in message.fields { applyOptions(field, scope: message.fullName) }
        for oneof in message.oneofs where !oneof.isSynthetic {
            oneof.encodedOptions = interpretOptions(oneof.options, for: .oneof, scope: dotted(message.fullName), file: file).encoded
        }
        for range in message.extensionRanges {
            range.encodedOptions = interpretOptions(range.options, for: .extensionRange, scope: dotted(scope), file: file).encoded
        }
        for nested in message.nested { applyOptions(nested, scope: message.fullName) }
        for enumNode in message.enums { applyOptions(enumNode, scope: message.fullName) }
        for field in message.extensions { applyOptions(field, scope: message.fullName) }
    }

    private func applyOptions(_ field: FieldNode, scope: String) {
        let options = interpretOptions(field.options, for: .field, scope: dotted(scope), file: field.file)
        field.encodedOptions = options.encoded
        field.isDeprecated = options.flag("deprecated") ?? false
        field.packedOption = options.flag("packed")
        let packable = field.label == .repeated && (field.type?.isPackable ?? false)
        field.isPacked = packable && (field.packedOption ?? field.file.isProto3)
    }

    private func applyOptions(_ enumNode: EnumNode, scope: String) {
        let file = enumNode.file
        let options = interpretOptions(enumNode.declaration.options, for: .enumType, scope: dotted(scope), file: file)
        enumNode.encodedOptions = options.encoded
        enumNode.allowsAlias = options.flag("allow_alias") ?? false
        for value in enumNode.values {
            let valueOptions = interpretOptions(value.declaration.options, for: .enumValue, scope: dotted(scope), file: file)
            value.encodedOptions = valueOptions.encoded
            value.isDeprecated = valueOptions.flag("deprecated") ?? false
        }
    }
}

/// A scope as the options interpreter takes it: with a leading dot, "" for the root.
func dotted(_ scope: String) -> String {
    scope.isEmpty ? "" : "." + scope
}
