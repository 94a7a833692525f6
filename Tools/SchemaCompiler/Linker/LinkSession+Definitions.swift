/// Working-tree nodes for map fields, groups, enums, extensions and services.
extension LinkSession {
    /// protoc's parser turns `map<K, V> name = N;` into a repeated field of a
    /// generated nested `NameEntry` type with `key = 1` and `value = 2`.
    func addMapField(_ declaration: AST.MapFieldDeclaration, to message: MessageNode) {
        let entryName = Names.mapEntryName(declaration.name.text)
        let fieldDeclaration = AST.FieldDeclaration(
            label: .repeated, labelLocation: nil,
            type: AST.TypeReference(entryName, at: declaration.location),
            name: declaration.name, number: declaration.number, options: declaration.options,
            location: declaration.location, comments: declaration.comments)
        let field = makeField(fieldDeclaration, FieldContext(scope: message.fullName, parent: message, file: message.file))
        field.mapDeclaration = declaration
        message.fields.append(field)

        let entry = MessageNode(
            name: AST.Identifier(entryName, at: declaration.location),
            fullName: message.fullName + "." + entryName, file: message.file, parent: message,
            location: declaration.location)
        entry.generatedForMapField = field
        entry.isMapEntry = true
        entry.encodedOptions = MessageOptionsEncoding.mapEntry
        entry.fields = [
            makeMapEntryField("key", number: 1, type: declaration.keyType, entry: entry),
            makeMapEntryField("value", number: 2, type: declaration.valueType, entry: entry),
        ]
        message.nested.append(entry)
    }

    private func makeMapEntryField(_ name: String, number: Int32, type: AST.TypeReference, entry: MessageNode) -> FieldNode {
        let field = FieldNode(
            name: AST.Identifier(name, at: type.location), fullName: entry.fullName + "." + name,
            file: entry.file, parent: entry, location: type.location, numberLocation: type.location,
            typeReference: type)
        field.number = number
        field.label = .optional
        field.type = type.isFullyQualified ? nil : FieldDescriptor.FieldType(keyword: type.text)
        return field
    }

    /// proto2 groups: a field named after the lower-cased group name, typed as the
    /// nested message holding the group's body. proto3 rejects them.
    func addGroup(_ declaration: AST.GroupDeclaration, to message: MessageNode, context: FieldContext) {
        // The parser reports groups in proto3 and lower-case group names.
        guard !message.file.isProto3 else { return }
        let groupName = declaration.name.text
        let fieldName = AST.Identifier(String(groupName.map(Names.asciiLowercased)), at: declaration.name.location)
        let fieldDeclaration = AST.FieldDeclaration(
            label: declaration.label, labelLocation: declaration.location,
            type: AST.TypeReference(groupName, at: declaration.name.location),
            name: fieldName, number: declaration.number, options: [],
            location: declaration.location, comments: declaration.comments)
        let field = makeField(fieldDeclaration, context)
        field.isGroup = true
        field.type = .group
        message.fields.append(field)
        let body = AST.MessageDeclaration(
            name: declaration.name, elements: declaration.elements,
            location: declaration.location, comments: .none)
        let bodyNode = makeMessage(body, scope: message.fullName, parent: message, file: message.file)
        bodyNode.isGroupBody = true
        message.nested.append(bodyNode)
    }

    func makeEnum(_ declaration: AST.EnumDeclaration, scope: String, parent: MessageNode?, file: FileNode) -> EnumNode {
        let node = EnumNode(declaration: declaration, fullName: qualified(scope, declaration.name.text), file: file, parent: parent)
        if declaration.values.isEmpty {
            error("Enums must contain at least one value.", at: declaration.name.location)
        }
        for value in declaration.values {
            // Enum values are siblings of their enum (C++ scoping).
            let valueNode = EnumValueNode(declaration: value, fullName: qualified(scope, value.name.text), enumNode: node)
            if let number = value.number.int32Value {
                valueNode.number = number
            } else {
                error("Integer out of range.", at: value.number.location)
            }
            node.values.append(valueNode)
        }
        for reserved in declaration.reserved {
            node.reservedRanges += reserved.ranges.compactMap(makeEnumRange)
            node.reservedNames += reserved.names
        }
        return node
    }

    /// Enum reserved ranges keep an inclusive end; `max` is `Int32.max`.
    private func makeEnumRange(_ range: AST.NumberRange) -> RangeNode? {
        guard let start = range.start.int32Value else {
            error("Integer out of range.", at: range.start.location)
            return nil
        }
        var end = start
        if range.isMax {
            end = Int32.max
        } else if let literal = range.end {
            guard let value = literal.int32Value else {
                error("Integer out of range.", at: literal.location)
                return nil
            }
            end = value
        }
        if end < start {
            error("Reserved range end number must be greater than start number.", at: range.location)
        }
        return RangeNode(start: start, end: end, location: range.location)
    }

    func makeExtensions(_ declaration: AST.ExtendDeclaration, scope: String, parent: MessageNode?, file: FileNode) -> [FieldNode] {
        for group in declaration.groups where !file.isProto3 {
            error("Groups in extend blocks are not supported.", at: group.location)
        }
        var context = FieldContext(scope: scope, parent: parent, file: file)
        context.extendee = declaration.extendee
        return declaration.fields.map { makeField($0, context) }
    }

    func makeService(_ declaration: AST.ServiceDeclaration, file: FileNode) -> ServiceNode {
        let service = ServiceNode(declaration: declaration, fullName: qualified(file.package, declaration.name.text), file: file)
        service.methods = declaration.methods.map { MethodNode(declaration: $0, fullName: service.fullName + "." + $0.name.text) }
        return service
    }
}

/// The options messages the linker writes itself, already encoded.
enum MessageOptionsEncoding {
    /// `MessageOptions { map_entry: true }` (field 7, varint 1).
    static let mapEntry: [UInt8] = [0x38, 0x01]
}
