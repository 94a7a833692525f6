extension Parser {
    /// `oneof name { fields and options }`.
    mutating func parseOneof() throws(Failure) -> AST.OneofDeclaration {
        let location = currentLocation
        try consume("oneof")
        let name = try consumeIdentifier(error: "Expected oneof name.")
        let comments = try consumeEndOfDeclaration("{")
        var elements: [AST.OneofDeclaration.Element] = []
        // As in protoc, the body is read before looking for `}`: an empty oneof fails
        // with "Expected type name." at its `}`.
        repeat {
            if isAtEnd {
                error("Reached end of input in oneof definition (missing '}').")
                throw Failure()
            }
            if lookingAt("option") {
                // A broken option fails the whole oneof, as in protoc.
                elements.append(.option(try parseOptionStatement()))
                continue
            }
            if fieldLabel(currentText) != nil {
                // The user's intent is clear: report it and read the field without it.
                error("Fields in oneofs must not have labels (required / optional / repeated).")
                advance()
            }
            do {
                if let element = try oneofElement(parseFieldAfterLabel(nil, in: .oneof, startingAt: currentLocation)) {
                    elements.append(element)
                }
            } catch {
                skipStatement()
            }
        } while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil
        return AST.OneofDeclaration(name: name, elements: elements, location: location, comments: comments)
    }

    func oneofElement(_ element: AST.MessageElement) -> AST.OneofDeclaration.Element? {
        switch element {
        case .field(let field): .field(field)
        case .group(let group): .group(group)
        case .map(let map): .map(map)
        default: nil
        }
    }
}
