extension Parser {
    /// `enum Name { values, options, reserved }`.
    mutating func parseEnum() throws(Failure) -> AST.EnumDeclaration {
        let location = currentLocation
        try consume("enum")
        let name = try consumeIdentifier(error: "Expected enum name.")
        var declaration = AST.EnumDeclaration(
            name: name, values: [], options: [], reserved: [], location: location,
            comments: try consumeEndOfDeclaration("{")
        )
        while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil {
            if isAtEnd {
                error("Reached end of input in enum definition (missing '}').")
                throw Failure()
            }
            do {
                try parseEnumStatement(into: &declaration)
            } catch {
                skipStatement()
            }
        }
        try validateAliases(of: declaration)
        return declaration
    }

    mutating func parseEnumStatement(into declaration: inout AST.EnumDeclaration) throws(Failure) {
        if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { return }
        if lookingAt("option") {
            declaration.options.append(try parseOptionStatement())
        } else if lookingAt("reserved") {
            declaration.reserved.append(try parseReserved(
                nameError: "Expected enum value.",
                firstRangeError: "Expected enum value or number range.",
                rangeError: "Expected enum number range.",
                signed: true
            ))
        } else {
            declaration.values.append(try parseEnumValue())
        }
    }

    /// `NAME = -1 [options];`
    mutating func parseEnumValue() throws(Failure) -> AST.EnumValueDeclaration {
        let location = currentLocation
        let name = try consumeIdentifier(error: "Expected enum constant name.")
        try consume("=", error: "Missing numeric value for enum constant.")
        let number = try consumeSignedInteger(error: "Expected integer.")
        let options = lookingAt("[") ? try parseCompactOptions() : []
        let comments = try consumeEndOfDeclaration(";")
        return AST.EnumValueDeclaration(
            name: name, number: number, options: options, location: location, comments: comments
        )
    }

    /// protoc's parser (not its linker) rejects a useless `allow_alias`. It reports at the
    /// token after the enum's `}`, and the failure makes it skip the statement that
    /// follows, which we mirror by failing too.
    mutating func validateAliases(of declaration: AST.EnumDeclaration) throws(Failure) {
        let allowAlias = declaration.options.first { option in
            guard option.name.count == 1, case .field(let name) = option.name[0] else { return false }
            return name.text == "allow_alias"
        }
        guard let allowAlias else { return }
        guard case .identifier("true", isNegative: false) = allowAlias.value else {
            error("\"\(declaration.name.text)\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.")
            throw Failure()
        }
        var numbers = Set<Int64>()
        let hasDuplicates = declaration.values.contains { value in
            let magnitude = Int64(truncatingIfNeeded: value.number.magnitude)
            return !numbers.insert(value.number.isNegative ? -magnitude : magnitude).inserted
        }
        if !hasDuplicates {
            error("\"\(declaration.name.text)\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.")
            throw Failure()
        }
    }
}
