/// Builds the working tree of a message from its declaration, doing what protoc's
/// parser does on the way: map entry types, group bodies, synthetic oneofs for proto3
/// `optional`, and `max` in ranges.
extension LinkSession {
    func makeMessage(_ declaration: AST.MessageDeclaration, scope: String, parent: MessageNode?, file: FileNode) -> MessageNode {
        let message = MessageNode(
            name: declaration.name, fullName: qualified(scope, declaration.name.text),
            file: file, parent: parent, location: declaration.location)
        message.comments = declaration.comments
        let rangeMax = isMessageSet(declaration.elements) ? Int32.max : FieldNumbers.max + 1
        for element in declaration.elements {
            addElement(element, to: message, rangeMax: rangeMax)
        }
        if file.isProto3 { addSyntheticOneofs(to: message) }
        return message
    }

    private func addElement(_ element: AST.MessageElement, to message: MessageNode, rangeMax: Int32) {
        let file = message.file
        let context = FieldContext(scope: message.fullName, parent: message, file: file)
        switch element {
        case .field(let declaration):
            message.fields.append(makeField(declaration, context))
        case .map(let declaration):
            addMapField(declaration, to: message)
        case .group(let declaration):
            addGroup(declaration, to: message, context: context)
        case .oneof(let declaration):
            addOneof(declaration, to: message)
        case .message(let declaration):
            message.nested.append(makeMessage(declaration, scope: message.fullName, parent: message, file: file))
        case .enum(let declaration):
            message.enums.append(makeEnum(declaration, scope: message.fullName, parent: message, file: file))
        case .extend(let declaration):
            message.extensions += makeExtensions(declaration, scope: message.fullName, parent: message, file: file)
        case .extensions(let declaration):
            for range in declaration.ranges {
                guard let node = makeRange(range, max: rangeMax, kind: "Extension") else { continue }
                node.options = declaration.options
                message.extensionRanges.append(node)
            }
        case .reserved(let declaration):
            message.reservedRanges += declaration.ranges.compactMap { makeRange($0, max: rangeMax, kind: "Reserved") }
            message.reservedNames += declaration.names
        case .option(let option):
            message.options.append(option)
        }
    }

    private func addOneof(_ declaration: AST.OneofDeclaration, to message: MessageNode) {
        let oneof = OneofNode(name: declaration.name.text, location: declaration.name.location)
        oneof.comments = declaration.comments
        let index = message.oneofs.count
        message.oneofs.append(oneof)
        var context = FieldContext(scope: message.fullName, parent: message, file: message.file)
        context.oneofIndex = index
        for element in declaration.elements {
            switch element {
            case .field(let field):
                message.fields.append(makeField(field, context))
                oneof.fieldCount += 1
            case .option(let option):
                oneof.options.append(option)
            case .map:
                break  // The parser reports maps in oneofs.
            case .group(let group):
                addGroup(group, to: message, context: context)
                oneof.fieldCount += 1
            }
        }
        if oneof.fieldCount == 0 && !declaration.elements.contains(where: { if case .map = $0 { true } else { false } }) {
            error("Oneof must have at least one field.", at: declaration.name.location)
        }
    }

    /// protoc's parser: a one-field oneof per proto3 `optional` field, after the real
    /// oneofs, named `_field` with `X` prepended while the name is taken by a field
    /// or oneof.
    private func addSyntheticOneofs(to message: MessageNode) {
        var taken = Set(message.fields.map(\.name.text))
        taken.formUnion(message.oneofs.map(\.name))
        for field in message.fields where field.isProto3Optional {
            var name = field.name.text.hasPrefix("_") ? field.name.text : "_" + field.name.text
            while taken.contains(name) { name = "X" + name }
            taken.insert(name)
            let oneof = OneofNode(name: name, location: field.name.location)
            oneof.isSynthetic = true
            oneof.fieldCount = 1
            field.oneofIndex = message.oneofs.count
            message.oneofs.append(oneof)
        }
    }

    /// `extensions`/`reserved` ranges: `max` and end are converted to the
    /// descriptor's exclusive end.
    private func makeRange(_ range: AST.NumberRange, max: Int32, kind: String) -> RangeNode? {
        guard let start = rangeBound(range.start) else { return nil }
        var end = start
        if range.isMax {
            end = max - 1
        } else if let literal = range.end {
            guard let value = rangeBound(literal) else { return nil }
            end = value
        }
        // An explicit end of Int32.max has no exclusive form; protoc clamps it too.
        let node = RangeNode(start: start, end: end == Int32.max ? end : end + 1, location: range.location)
        if start <= 0 {
            error("\(kind) numbers must be positive integers.", at: range.location)
        } else if node.start >= node.end {
            error("\(kind) range end number must be greater than start number.", at: range.location)
        }
        return node
    }

    private func rangeBound(_ literal: AST.IntegerLiteral) -> Int32? {
        guard !literal.isNegative, let value = literal.int32Value else {
            error(literal.isNegative ? "Expected field number range." : "Integer out of range.", at: literal.location)
            return nil
        }
        return value
    }

    /// `option message_set_wire_format = true;` changes what `max` means in ranges.
    private func isMessageSet(_ elements: [AST.MessageElement]) -> Bool {
        elements.contains { element in
            guard case .option(let option) = element else { return false }
            return option.isStandard("message_set_wire_format") && option.value == .identifier("true", isNegative: false)
        }
    }
}

extension AST.OptionDeclaration {
    /// Whether this sets the standard (non-extension) option `name` directly.
    func isStandard(_ name: String) -> Bool {
        guard self.name.count == 1, case .field(let identifier) = self.name[0] else { return false }
        return identifier.text == name
    }
}
