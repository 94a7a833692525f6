extension Parser {
    /// `service Name { rpc ...; option ...; }`.
    mutating func parseService() throws(Failure) -> AST.ServiceDeclaration {
        let location = currentLocation
        try consume("service")
        let name = try consumeIdentifier(error: "Expected service name.")
        let comments = try consumeEndOfDeclaration("{")
        var methods: [AST.MethodDeclaration] = []
        var options: [AST.OptionDeclaration] = []
        while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil {
            if isAtEnd {
                error("Reached end of input in service definition (missing '}').")
                throw Failure()
            }
            do {
                if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { continue }
                if lookingAt("option") {
                    options.append(try parseOptionStatement())
                } else {
                    methods.append(try parseMethod())
                }
            } catch {
                skipStatement()
            }
        }
        return AST.ServiceDeclaration(
            name: name, methods: methods, options: options, location: location, comments: comments
        )
    }

    /// `rpc Name (stream? In) returns (stream? Out);` or the same with `{ options }`.
    mutating func parseMethod() throws(Failure) -> AST.MethodDeclaration {
        let location = currentLocation
        try consume("rpc")
        let name = try consumeIdentifier(error: "Expected method name.")
        let (inputType, clientStreaming) = try parseMethodType()
        try consume("returns")
        let (outputType, serverStreaming) = try parseMethodType()
        var method = AST.MethodDeclaration(
            name: name, inputType: inputType, clientStreaming: clientStreaming,
            outputType: outputType, serverStreaming: serverStreaming,
            options: [], hasBody: false, location: location, comments: .none
        )
        if lookingAt("{") {
            method.hasBody = true
            method.comments = try consumeEndOfDeclaration("{")
            method.options = try parseMethodOptions()
        } else {
            method.comments = try consumeEndOfDeclaration(";")
        }
        return method
    }

    /// `(stream? Type)`.
    mutating func parseMethodType() throws(Failure) -> (AST.TypeReference, isStreaming: Bool) {
        try consume("(")
        let isStreaming = tryConsume("stream")
        let type = try parseUserDefinedType()
        try consume(")")
        return (type, isStreaming)
    }

    /// The statements of a method body after its `{`: options and empty statements.
    mutating func parseMethodOptions() throws(Failure) -> [AST.OptionDeclaration] {
        var options: [AST.OptionDeclaration] = []
        while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil {
            if isAtEnd {
                error("Reached end of input in method options (missing '}').")
                throw Failure()
            }
            if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { continue }
            do {
                options.append(try parseOptionStatement())
            } catch {
                skipStatement()
            }
        }
        return options
    }
}
