extension Parser {
    /// `message Name { ... }`.
    mutating func parseMessage() throws(Failure) -> AST.MessageDeclaration {
        let location = currentLocation
        try consume("message")
        let name = try consumeIdentifier(error: "Expected message name.")
        let (comments, elements) = try parseMessageBlock()
        return AST.MessageDeclaration(name: name, elements: elements, location: location, comments: comments)
    }

    /// `{ statements }` of a message or group, with the comments of the declaration that
    /// the `{` ends.
    mutating func parseMessageBlock() throws(Failure) -> (Comments, [AST.MessageElement]) {
        let comments = try consumeEndOfDeclaration("{")
        var elements: [AST.MessageElement] = []
        while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil {
            if isAtEnd {
                error("Reached end of input in message definition (missing '}').")
                throw Failure()
            }
            do {
                if let element = try parseMessageStatement() {
                    elements.append(element)
                }
            } catch {
                skipStatement()
            }
        }
        checkNoExtensionRangesInProto3(elements)
        return (comments, elements)
    }

    /// One statement of a message body; nil for an empty one.
    ///
    /// These keywords start their statement even where a field type named like them was
    /// meant, exactly as in protoc: `message message {}` is a nested message.
    mutating func parseMessageStatement() throws(Failure) -> AST.MessageElement? {
        if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { return nil }
        if lookingAt("message") { return .message(try parseMessage()) }
        if lookingAt("enum") { return .enum(try parseEnum()) }
        if lookingAt("extensions") { return .extensions(try parseExtensionRanges()) }
        if lookingAt("reserved") { return .reserved(try parseMessageReserved()) }
        if lookingAt("extend") { return .extend(try parseExtend()) }
        if lookingAt("option") { return .option(try parseOptionStatement()) }
        if lookingAt("oneof") { return .oneof(try parseOneof()) }
        return try parseField(in: .message)
    }
}

// MARK: - extensions and reserved

extension Parser {
    /// `extensions 100 to 199, 500 to max [options];`
    mutating func parseExtensionRanges() throws(Failure) -> AST.ExtensionRangeDeclaration {
        let location = currentLocation
        try consume("extensions")
        var ranges: [AST.NumberRange] = []
        repeat {
            ranges.append(try parseNumberRange(startError: "Expected field number range.", signed: false))
        } while tryConsume(",")
        let options = lookingAt("[") ? try parseCompactOptions() : []
        let comments = try consumeEndOfDeclaration(";")
        return AST.ExtensionRangeDeclaration(ranges: ranges, options: options, location: location, comments: comments)
    }

    /// `reserved 2, 9 to 11, 40 to max;` or `reserved "foo", "bar";` in a message.
    mutating func parseMessageReserved() throws(Failure) -> AST.ReservedDeclaration {
        try parseReserved(
            nameError: "Expected field name.",
            firstRangeError: "Expected field name or number range.",
            rangeError: "Expected field number range.",
            signed: false
        )
    }

    mutating func parseReserved(
        nameError: String, firstRangeError: String, rangeError: String, signed: Bool
    ) throws(Failure) -> AST.ReservedDeclaration {
        let location = currentLocation
        try consume("reserved")
        var ranges: [AST.NumberRange] = []
        var names: [AST.Identifier] = []
        if lookingAt(.string) {
            repeat {
                let nameLocation = currentLocation
                let name = try consumeString(error: nameError)
                names.append(AST.Identifier(String(decoding: name, as: UTF8.self), at: nameLocation))
            } while tryConsume(",")
        } else {
            repeat {
                let error = ranges.isEmpty ? firstRangeError : rangeError
                ranges.append(try parseNumberRange(startError: error, signed: signed))
            } while tryConsume(",")
        }
        let comments = try consumeEndOfDeclaration(";")
        return AST.ReservedDeclaration(ranges: ranges, names: names, location: location, comments: comments)
    }

    /// `start`, `start to end` or `start to max`; enum ranges may be negative.
    mutating func parseNumberRange(startError: String, signed: Bool) throws(Failure) -> AST.NumberRange {
        let location = currentLocation
        let start = signed
            ? try consumeSignedInteger(error: startError)
            : try consumeInteger(error: startError)
        guard tryConsume("to") else {
            return AST.NumberRange(start: start, end: nil, isMax: false, location: location)
        }
        if tryConsume("max") {
            return AST.NumberRange(start: start, end: nil, isMax: true, location: location)
        }
        let end = signed
            ? try consumeSignedInteger(error: "Expected integer.")
            : try consumeInteger(error: "Expected integer.")
        return AST.NumberRange(start: start, end: end, isMax: false, location: location)
    }
}
