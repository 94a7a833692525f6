extension Parser {
    /// Where a field is written: the rules for labels and maps differ.
    enum FieldContext {
        case message
        case oneof
        case extend
    }

    /// A field with its optional label, a `map<K, V>` field, or a group.
    mutating func parseField(in context: FieldContext) throws(Failure) -> AST.MessageElement {
        let location = currentLocation
        var label: (AST.FieldLabel, SourceLocation)?
        if let parsed = fieldLabel(currentText) {
            label = (parsed, currentLocation)
            advance()
        }
        return try parseFieldAfterLabel(label, in: context, startingAt: location)
    }

    func fieldLabel(_ text: String) -> AST.FieldLabel? {
        switch text {
        case "optional": .optional
        case "repeated": .repeated
        case "required": .required
        default: nil
        }
    }

    /// The field from its type on (protoc's `ParseMessageFieldNoLabel`).
    mutating func parseFieldAfterLabel(
        _ label: (AST.FieldLabel, SourceLocation)?, in context: FieldContext, startingAt location: SourceLocation
    ) throws(Failure) -> AST.MessageElement {
        let mapLocation = currentLocation
        var type: AST.TypeReference?
        if tryConsume("map") {
            if lookingAt("<") {
                return .map(try parseMapField(hasLabel: label != nil, in: context, at: mapLocation))
            }
            // A message or enum that happens to be called `map`.
            type = AST.TypeReference("map", at: mapLocation)
        }
        if label == nil && syntax == .proto2 && context != .oneof {
            error("Expected \"required\", \"optional\", or \"repeated\".")
        }
        let fieldType: AST.TypeReference
        if let type {
            fieldType = type
        } else {
            fieldType = try parseType()
        }
        let name = try consumeIdentifier(error: "Expected field name.")
        try consume("=", error: "Missing field number.")
        let number = try consumeInteger(error: "Expected field number.")
        let options = lookingAt("[") ? try parseFieldOptions(scalarType: scalarKeyword(of: fieldType)) : []
        if type == nil && fieldType.text == "group" {
            let group = try parseGroupBody(
                label: label?.0, name: name, number: number, options: options, location: location
            )
            checkProto3Field(label: label?.0, typeLocation: fieldType.location, options: options, isGroup: true)
            return .group(group)
        }
        let comments = try consumeEndOfDeclaration(";")
        checkProto3Field(label: label?.0, typeLocation: fieldType.location, options: options)
        return .field(AST.FieldDeclaration(
            label: label?.0, labelLocation: label?.1, type: fieldType, name: name, number: number,
            options: options, location: location, comments: comments
        ))
    }

    /// `map<K, V> name = N [options];` from the `<`.
    mutating func parseMapField(
        hasLabel: Bool, in context: FieldContext, at location: SourceLocation
    ) throws(Failure) -> AST.MapFieldDeclaration {
        if context == .oneof {
            error("Map fields are not allowed in oneofs.")
            throw Failure()
        }
        if hasLabel {
            error("Field labels (required/optional/repeated) are not allowed on map fields.")
            throw Failure()
        }
        if context == .extend {
            error("Map fields are not allowed to be extensions.")
            throw Failure()
        }
        try consume("<")
        let keyType = try parseType()
        try consume(",")
        let valueType = try parseType()
        try consume(">")
        let name = try consumeIdentifier(error: "Expected field name.")
        try consume("=", error: "Missing field number.")
        let number = try consumeInteger(error: "Expected field number.")
        let options = lookingAt("[") ? try parseFieldOptions(scalarType: nil) : []
        let comments = try consumeEndOfDeclaration(";")
        checkProto3Field(label: nil, typeLocation: location, options: options)
        return AST.MapFieldDeclaration(
            keyType: keyType, valueType: valueType, name: name, number: number,
            options: options, location: location, comments: comments
        )
    }

    /// `group Name = N [options] { ... }` after the options.
    mutating func parseGroupBody(
        label: AST.FieldLabel?, name: AST.Identifier, number: AST.IntegerLiteral,
        options: [AST.OptionDeclaration], location: SourceLocation
    ) throws(Failure) -> AST.GroupDeclaration {
        if let first = name.text.utf8.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) {
            error("Group names must start with a capital letter.", at: name.location)
        }
        guard lookingAt("{") else {
            error("Missing group body.")
            throw Failure()
        }
        let (comments, elements) = try parseMessageBlock()
        return AST.GroupDeclaration(
            label: label, name: name, number: number, elements: elements,
            location: location, comments: comments, options: options
        )
    }
}

// MARK: - Types

extension Parser {
    /// The keywords protoc reads as built-in field types (`group` included).
    static let scalarTypeKeywords: Set<String> = [
        "double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool", "string",
        "group", "bytes", "uint32", "sfixed32", "sfixed64", "sint32", "sint64",
    ]

    func scalarKeyword(of type: AST.TypeReference) -> String? {
        Self.scalarTypeKeywords.contains(type.text) ? type.text : nil
    }

    /// A built-in type keyword or a (possibly qualified) message or enum name.
    mutating func parseType() throws(Failure) -> AST.TypeReference {
        guard Self.scalarTypeKeywords.contains(currentText) else {
            return try parseUserDefinedType()
        }
        let type = AST.TypeReference(currentText, at: currentLocation)
        advance()
        return type
    }

    /// `Name`, `pkg.Name` or `.pkg.Name`; a built-in type here is reported but kept.
    mutating func parseUserDefinedType() throws(Failure) -> AST.TypeReference {
        let location = currentLocation
        if Self.scalarTypeKeywords.contains(currentText) {
            error("Expected message type.")
            let type = AST.TypeReference(currentText, at: location)
            advance()
            return type
        }
        var name = tryConsume(".") ? "." : ""
        name += try consumeIdentifier(error: "Expected type name.").text
        while tryConsume(".") {
            name += "." + (try consumeIdentifier(error: "Expected identifier.").text)
        }
        return AST.TypeReference(name, at: location)
    }
}
