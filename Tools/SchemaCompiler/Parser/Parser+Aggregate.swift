// An aggregate option value `{ a: 1 b { c: 2 } d: [1, 2] e < f: 3 > [ext.name]: 4 }` is
// read in protoc's two steps: the parser only matches braces (an unmatched `{` is a parse
// error), then the text-format reader interprets the tokens between them. Errors of that
// second step use protoc's wording, "Error while parsing option value for ...", at the `{`.

extension Parser {
    /// A text-format problem inside an aggregate value.
    struct AggregateError: Error {
        var message: String
    }

    /// Reads `{ ... }` from its opening brace.
    mutating func parseAggregateOptionValue(
        optionName: [AST.OptionNamePart], at location: SourceLocation
    ) throws(Failure) -> AST.OptionValue {
        guard let closingBrace = matchingBraceIndex() else {
            while !isAtEnd { advance() }
            error("Unexpected end of stream while parsing aggregate value.")
            throw Failure()
        }
        advance()
        do {
            let fields = try parseAggregateFields(closer: "}", limit: closingBrace)
            advance()
            return .aggregate(fields)
        } catch {
            let name = Self.displayName(of: optionName)
            self.error("Error while parsing option value for \"\(name)\": \(error.message)", at: location)
            while index <= closingBrace { advance() }
            return .aggregate([])
        }
    }

    /// The `}` that closes the current `{`, counting only braces as protoc does.
    func matchingBraceIndex() -> Int? {
        var depth = 0
        for position in index..<input.tokens.count {
            let token = input.tokens[position]
            guard token.kind == .symbol else { continue }
            if input.token(token, is: "{") {
                depth += 1
            } else if input.token(token, is: "}") {
                depth -= 1
                if depth == 0 { return position }
            }
        }
        return nil
    }

    /// The name protoc shows in aggregate errors: the option field's own name, that is
    /// the last component of the last name part.
    static func displayName(of name: [AST.OptionNamePart]) -> String {
        switch name.last {
        case .field(let identifier): identifier.text
        case .extension(let reference): String(reference.text.split(separator: ".").last ?? "")
        case nil: ""
        }
    }
}

// MARK: - Text format

extension Parser {
    /// Fields up to `closer`; `limit` is the aggregate's closing brace, never read past.
    mutating func parseAggregateFields(
        closer: String, limit: Int
    ) throws(AggregateError) -> [AST.AggregateField] {
        var fields: [AST.AggregateField] = []
        while index < limit && !lookingAt(closer) {
            fields.append(try parseAggregateField(limit: limit))
            if !tryConsume(";") {
                _ = tryConsume(",")
            }
        }
        return fields
    }

    /// `name: value`, `name { ... }`, `name [ ... ]` or `[ext.name]: value`.
    mutating func parseAggregateField(limit: Int) throws(AggregateError) -> AST.AggregateField {
        let location = currentLocation
        let name = try parseAggregateFieldName()
        let hasColon = tryConsume(":")
        let value: AST.AggregateValue
        if lookingAt("{") || lookingAt("<") {
            value = try parseAggregateMessage(limit: limit)
        } else if lookingAt("[") {
            value = try parseAggregateList(hasColon: hasColon, limit: limit)
        } else {
            guard hasColon else {
                throw AggregateError(message: "Expected \":\", found \"\(currentText)\".")
            }
            value = try parseAggregateScalar()
        }
        return AST.AggregateField(name: name, value: value, location: location)
    }

    mutating func parseAggregateFieldName() throws(AggregateError) -> AST.AggregateField.Name {
        if tryConsume("[") {
            return try parseAggregateExtensionName()
        }
        guard lookingAt(.identifier) else {
            throw AggregateError(message: "Expected identifier, got: \(currentText)")
        }
        let name = AST.Identifier(currentText, at: currentLocation)
        advance()
        return .field(name)
    }

    /// After `[`: `pkg.ext]` or a type URL `type.googleapis.com/pkg.Msg]`.
    mutating func parseAggregateExtensionName() throws(AggregateError) -> AST.AggregateField.Name {
        let location = currentLocation
        var name = ""
        repeat {
            guard lookingAt(.identifier) else {
                throw AggregateError(message: "Expected identifier, got: \(currentText)")
            }
            name += currentText
            advance()
            if lookingAt(".") || lookingAt("/") {
                name += currentText
                advance()
                continue
            }
            break
        } while true
        guard tryConsume("]") else {
            throw AggregateError(message: "Expected \"]\", found \"\(currentText)\".")
        }
        if name.contains("/") {
            return .anyTypeURL(name, location: location)
        }
        return .extension(AST.TypeReference(name, at: location))
    }

    /// `{ ... }` or `< ... >`.
    mutating func parseAggregateMessage(limit: Int) throws(AggregateError) -> AST.AggregateValue {
        let location = currentLocation
        let closer = lookingAt("{") ? "}" : ">"
        advance()
        let fields = try parseAggregateFields(closer: closer, limit: limit)
        guard index < limit, tryConsume(closer) else {
            throw AggregateError(message: "Expected \"\(closer)\", found \"\(currentText)\".")
        }
        return .message(fields, location: location)
    }

    /// `[v1, v2]`; without a `:` before it, only messages may be listed.
    mutating func parseAggregateList(hasColon: Bool, limit: Int) throws(AggregateError) -> AST.AggregateValue {
        let location = currentLocation
        advance()
        var values: [AST.AggregateValue] = []
        if tryConsume("]") {
            return .list(values, location: location)
        }
        while true {
            if lookingAt("{") || lookingAt("<") {
                values.append(try parseAggregateMessage(limit: limit))
            } else if hasColon {
                values.append(try parseAggregateScalar())
            } else {
                throw AggregateError(message: "Expected \":\", found \"[\".")
            }
            if tryConsume("]") { break }
            guard tryConsume(",") else {
                throw AggregateError(message: "Expected \",\", found \"\(currentText)\".")
            }
        }
        return .list(values, location: location)
    }

    /// A number (`-` allowed), identifier (`-inf` allowed), or strings.
    mutating func parseAggregateScalar() throws(AggregateError) -> AST.AggregateValue {
        let location = currentLocation
        let isNegative = tryConsume("-")
        switch current.kind {
        case .identifier:
            let text = currentText
            advance()
            return .scalar(.identifier(text, isNegative: isNegative), location: location)
        case .integer:
            guard let magnitude = LiteralValue.integer(input.source[current.range]) else {
                throw AggregateError(message: "Integer out of range (\(currentText))")
            }
            advance()
            let literal = AST.IntegerLiteral(isNegative: isNegative, magnitude: magnitude, at: location)
            return .scalar(.integer(literal), location: location)
        case .float:
            return .scalar(consumeFloat(isNegative: isNegative), location: location)
        case .string where !isNegative:
            var bytes: [UInt8] = []
            while lookingAt(.string) {
                LiteralValue.appendString(input.source[current.range], to: &bytes)
                advance()
            }
            return .scalar(.string(bytes), location: location)
        default:
            throw AggregateError(message: "Expected value, got: \(currentText)")
        }
    }
}
