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
        var aliasCheck = AliasCheck()
        while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil {
            if isAtEnd {
                error("Reached end of input in enum definition (missing '}').")
                throw Failure()
            }
            let statement = enumStatementKind()
            partialEnumValueNumber = 0
            do {
                try parseEnumStatement(into: &declaration)
                aliasCheck.record(statement, of: declaration)
            } catch {
                aliasCheck.recordFailed(
                    statement, option: (partialOptionName, partialOptionValue), number: partialEnumValueNumber
                )
                skipStatement()
            }
        }
        try validateAliases(of: declaration, aliasCheck)
        return declaration
    }

    enum EnumStatementKind {
        case empty
        case option
        case reserved
        case value
    }

    func enumStatementKind() -> EnumStatementKind {
        if lookingAt(";") { return .empty }
        if lookingAt("option") { return .option }
        if lookingAt("reserved") { return .reserved }
        return .value
    }

    /// What protoc's alias check sees, which includes statements that failed halfway.
    struct AliasCheck {
        /// Each `option allow_alias` in order: whether it says `true`.
        var allowAliasSettings: [Bool] = []
        var numbers: [Int64] = []

        mutating func record(_ statement: EnumStatementKind, of declaration: AST.EnumDeclaration) {
            switch statement {
            case .option:
                if let option = declaration.options.last, AliasCheck.isAllowAlias(option.name) {
                    allowAliasSettings.append(option.value == .identifier("true", isNegative: false))
                }
            case .value:
                if let value = declaration.values.last { numbers.append(value.number.signedValue) }
            case .empty, .reserved:
                break
            }
        }

        mutating func recordFailed(
            _ statement: EnumStatementKind,
            option: (name: [AST.OptionNamePart], value: AST.OptionValue?),
            number: Int64
        ) {
            switch statement {
            case .option where AliasCheck.isAllowAlias(option.name):
                allowAliasSettings.append(option.value == .identifier("true", isNegative: false))
            case .value:
                numbers.append(number)
            default:
                break
            }
        }

        static func isAllowAlias(_ name: [AST.OptionNamePart]) -> Bool {
            guard name.count == 1, case .field(let identifier) = name[0] else { return false }
            return identifier.text == "allow_alias"
        }
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
        partialEnumValueNumber = number.signedValue
        let options = lookingAt("[") ? try parseCompactOptions() : []
        let comments = try consumeEndOfDeclaration(";")
        return AST.EnumValueDeclaration(
            name: name, number: number, options: options, location: location, comments: comments
        )
    }

    /// protoc's parser (not its linker) rejects a useless `allow_alias`. It reports at the
    /// token after the enum's `}`, and the failure makes it skip the statement that
    /// follows, which we mirror by failing too.
    mutating func validateAliases(of declaration: AST.EnumDeclaration, _ check: AliasCheck) throws(Failure) {
        guard let allowAlias = check.allowAliasSettings.first else { return }
        guard allowAlias else {
            error("\"\(declaration.name.text)\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.")
            throw Failure()
        }
        if Set(check.numbers).count == check.numbers.count {
            error("\"\(declaration.name.text)\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.")
            throw Failure()
        }
    }
}

extension AST.IntegerLiteral {
    /// The value as a signed number (wrapping past Int64, which range checks exclude).
    var signedValue: Int64 {
        let magnitude = Int64(truncatingIfNeeded: magnitude)
        return isNegative ? 0 &- magnitude : magnitude
    }
}
