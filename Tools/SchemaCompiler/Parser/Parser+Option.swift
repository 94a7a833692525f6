extension Parser {
    /// `option name = value;` in any scope.
    mutating func parseOptionStatement() throws(Failure) -> AST.OptionDeclaration {
        try consume("option")
        var option = try parseOptionAssignment()
        option.comments = try consumeEndOfDeclaration(";")
        return option
    }

    /// `[a = 1, (b).c = "x"]` after an extension range or an enum value.
    mutating func parseCompactOptions() throws(Failure) -> [AST.OptionDeclaration] {
        try consume("[")
        var options: [AST.OptionDeclaration] = []
        repeat {
            options.append(try parseOptionAssignment())
        } while tryConsume(",")
        try consume("]")
        return options
    }

    /// `name = value`, the part shared by option statements and compact options.
    mutating func parseOptionAssignment() throws(Failure) -> AST.OptionDeclaration {
        let location = currentLocation
        partialOptionName = []
        partialOptionValue = nil
        partialOptionName.append(try parseOptionNamePart())
        while tryConsume(".") {
            partialOptionName.append(try parseOptionNamePart())
        }
        let name = partialOptionName
        try consume("=")
        let valueLocation = currentLocation
        let value = try parseOptionValue(optionName: name)
        partialOptionValue = value
        return AST.OptionDeclaration(
            name: name, value: value, location: location, valueLocation: valueLocation, comments: .none
        )
    }

    /// `java_package`, or `(my.ext)` / `(.fully.qualified.ext)`.
    mutating func parseOptionNamePart() throws(Failure) -> AST.OptionNamePart {
        guard lookingAt("(") else {
            return .field(try consumeIdentifier(error: "Expected identifier."))
        }
        let location = currentLocation
        try consume("(")
        var name = ""
        if lookingAt(.identifier) {
            name += try consumeIdentifier(error: "Expected identifier.").text
        }
        while tryConsume(".") {
            name += "." + (try consumeIdentifier(error: "Expected identifier.").text)
        }
        try consume(")")
        return .extension(AST.TypeReference(name, at: location))
    }

    /// A single-token value (after an optional `-` for numbers) or a `{ ... }` aggregate.
    /// Lists and `< ... >` are only valid inside an aggregate, as in protoc.
    mutating func parseOptionValue(optionName: [AST.OptionNamePart]) throws(Failure) -> AST.OptionValue {
        let valueLocation = currentLocation
        let isNegative = tryConsume("-")
        switch current.kind {
        case .end:
            error("Unexpected end of stream while parsing option value.")
            throw Failure()
        case .identifier:
            if isNegative {
                error("Invalid '-' symbol before identifier.")
                throw Failure()
            }
            let text = currentText
            advance()
            return .identifier(text, isNegative: false)
        case .integer:
            let maximum = isNegative ? UInt64(Int64.max) + 1 : UInt64.max
            let magnitude = integerValue(maximum: maximum)
            advance()
            return .integer(AST.IntegerLiteral(isNegative: isNegative, magnitude: magnitude, at: valueLocation))
        case .float:
            return consumeFloat(isNegative: isNegative)
        case .string:
            if isNegative {
                error("Invalid '-' symbol before string.")
                throw Failure()
            }
            return .string(try consumeString(error: "Expected string."))
        case .symbol:
            guard lookingAt("{") else {
                error("Expected option value.")
                throw Failure()
            }
            return try parseAggregateOptionValue(optionName: optionName, at: valueLocation)
        }
    }

    /// The current float token; its value is the magnitude, the sign is `isNegative`.
    mutating func consumeFloat(isNegative: Bool) -> AST.OptionValue {
        let text = currentText
        let value = LiteralValue.float(input.source[current.range])
        advance()
        return .float(value, isNegative: isNegative, text: text)
    }
}
