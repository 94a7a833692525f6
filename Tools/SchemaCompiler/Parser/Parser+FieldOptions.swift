// A field's `[...]` list holds real options plus two pseudo-options that protoc parses
// itself: `default`, read according to the field's type, and `json_name`, a string.
// Both stay in the list, in order, as ordinary `OptionDeclaration`s.

extension Parser {
    /// `[name = value, ...]` after a field number. `scalarType` is the field's built-in type
    /// keyword, nil for message, enum and map fields.
    mutating func parseFieldOptions(scalarType: String?) throws(Failure) -> [AST.OptionDeclaration] {
        try consume("[")
        var options: [AST.OptionDeclaration] = []
        repeat {
            if lookingAt("default") {
                if options.contains(where: { Self.isPseudoOption($0, "default") }) {
                    error("Already set option \"default\".")
                }
                options.append(try parseDefaultValue(scalarType: scalarType))
            } else if lookingAt("json_name") {
                if options.contains(where: { Self.isPseudoOption($0, "json_name") }) {
                    error("Already set option \"json_name\".")
                }
                options.append(try parseJSONName())
            } else {
                options.append(try parseOptionAssignment())
            }
        } while tryConsume(",")
        try consume("]")
        return options
    }

    static func isPseudoOption(_ option: AST.OptionDeclaration, _ name: String) -> Bool {
        guard option.name.count == 1, case .field(let identifier) = option.name[0] else { return false }
        return identifier.text == name
    }

    mutating func parseJSONName() throws(Failure) -> AST.OptionDeclaration {
        let name = AST.Identifier("json_name", at: currentLocation)
        try consume("json_name")
        try consume("=")
        let valueLocation = currentLocation
        let value = try consumeString(error: "Expected string for JSON name.")
        return AST.OptionDeclaration(
            name: [.field(name)], value: .string(value),
            location: name.location, valueLocation: valueLocation, comments: .none
        )
    }

    /// `default = value`, checked against the field's built-in type as protoc does.
    mutating func parseDefaultValue(scalarType: String?) throws(Failure) -> AST.OptionDeclaration {
        let name = AST.Identifier("default", at: currentLocation)
        try consume("default")
        try consume("=")
        let valueLocation = currentLocation
        let value = try parseDefaultValueLiteral(scalarType: scalarType)
        return AST.OptionDeclaration(
            name: [.field(name)], value: value,
            location: name.location, valueLocation: valueLocation, comments: .none
        )
    }

    mutating func parseDefaultValueLiteral(scalarType: String?) throws(Failure) -> AST.OptionValue {
        switch scalarType {
        case nil:
            // An enum (or, wrongly, a message): protoc keeps whatever token comes as the
            // text and lets the linker look it up.
            let text = currentText
            advance()
            return .identifier(text, isNegative: false)
        case "int32", "sint32", "sfixed32":
            return try parseSignedDefault(maximum: UInt64(Int32.max))
        case "int64", "sint64", "sfixed64":
            return try parseSignedDefault(maximum: UInt64(Int64.max))
        case "uint32", "fixed32":
            return try parseUnsignedDefault(maximum: UInt64(UInt32.max))
        case "uint64", "fixed64":
            return try parseUnsignedDefault(maximum: UInt64.max)
        case "float", "double":
            return try parseFloatingDefault()
        case "bool":
            return try parseBoolDefault()
        case "string":
            return .string(try consumeString(error: "Expected string for field default value."))
        case "bytes":
            return .string(try consumeString(error: "Expected string."))
        default:
            error("Messages can't have default values.")
            throw Failure()
        }
    }

    mutating func parseSignedDefault(maximum: UInt64) throws(Failure) -> AST.OptionValue {
        let location = currentLocation
        let isNegative = tryConsume("-")
        var literal = try consumeInteger(
            maximum: maximum + (isNegative ? 1 : 0), error: "Expected integer for field default value."
        )
        literal.isNegative = isNegative
        literal.location = location
        return .integer(literal)
    }

    /// A `-` is reported and then ignored, as in protoc.
    mutating func parseUnsignedDefault(maximum: UInt64) throws(Failure) -> AST.OptionValue {
        let location = currentLocation
        if tryConsume("-") {
            error("Unsigned field can't have negative default value.")
        }
        var literal = try consumeInteger(maximum: maximum, error: "Expected integer for field default value.")
        literal.location = location
        return .integer(literal)
    }

    /// A float, an integer, `inf` or `nan`, each possibly negative.
    mutating func parseFloatingDefault() throws(Failure) -> AST.OptionValue {
        let location = currentLocation
        let isNegative = tryConsume("-")
        switch current.kind {
        case .float:
            return consumeFloat(isNegative: isNegative)
        case .integer:
            let magnitude = integerValue(maximum: UInt64.max)
            advance()
            return .integer(AST.IntegerLiteral(isNegative: isNegative, magnitude: magnitude, at: location))
        case _ where lookingAt("inf") || lookingAt("nan"):
            let text = currentText
            advance()
            return .identifier(text, isNegative: isNegative)
        default:
            error("Expected number.")
            throw Failure()
        }
    }

    mutating func parseBoolDefault() throws(Failure) -> AST.OptionValue {
        for text in ["true", "false"] where tryConsume(text) {
            return .identifier(text, isNegative: false)
        }
        error("Expected \"true\" or \"false\".")
        throw Failure()
    }
}
