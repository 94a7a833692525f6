extension Parser {
    /// The whole file. An unusable `syntax` statement stops parsing, as in protoc: the rest
    /// would be read under the wrong rules.
    mutating func parseFile() -> [AST.FileStatement] {
        var statements: [AST.FileStatement] = []
        if input.hasBrokenByteOrderMark {
            skipAfterBrokenByteOrderMark()
        } else if lookingAt("syntax") {
            guard let syntax = try? parseSyntax() else { return statements }
            statements.append(.syntax(syntax))
            guard recognizeSyntax(syntax) else { return statements }
        }
        while !isAtEnd {
            do {
                if let statement = try parseTopLevelStatement() {
                    statements.append(statement)
                }
            } catch {
                skipStatement()
                if lookingAt("}") {
                    self.error("Unmatched \"}\".")
                    consumeUnmatchedBrace()
                }
            }
        }
        return statements
    }

    /// protoc's tokenizer stops before the first token after a broken byte-order mark, so
    /// its parser sees no `syntax`, fails a statement at 1:1 and skips it (proto2 rules).
    mutating func skipAfterBrokenByteOrderMark() {
        error("Expected top-level statement (e.g. \"message\").", at: SourceLocation(file: path, line: 1, column: 1))
        skipStatement()
        if lookingAt("}") {
            error("Unmatched \"}\".")
            consumeUnmatchedBrace()
        }
    }

    /// One statement; nil for an empty one (`;`).
    mutating func parseTopLevelStatement() throws(Failure) -> AST.FileStatement? {
        if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { return nil }
        if lookingAt("message") { return .message(try parseMessage()) }
        if lookingAt("enum") { return .enum(try parseEnum()) }
        if lookingAt("service") { return .service(try parseService()) }
        if lookingAt("extend") { return .extend(try parseExtend()) }
        if lookingAt("import") { return .import(try parseImport()) }
        if lookingAt("package") { return .package(try parsePackage()) }
        if lookingAt("option") { return .option(try parseOptionStatement()) }
        error("Expected top-level statement (e.g. \"message\").")
        throw Failure()
    }
}

// MARK: - syntax, package, import

extension Parser {
    /// `syntax = "proto3";` (adjacent strings are concatenated, as everywhere).
    mutating func parseSyntax() throws(Failure) -> AST.SyntaxDeclaration {
        let location = currentLocation
        try consume("syntax")
        try consume("=")
        let valueLocation = currentLocation
        let value = try consumeString(error: "Expected syntax identifier.")
        let comments = try consumeEndOfDeclaration(";")
        return AST.SyntaxDeclaration(
            value: String(decoding: value, as: UTF8.self),
            location: location,
            valueLocation: valueLocation,
            comments: comments
        )
    }

    /// Sets the rules the rest of the file is read under; false for an unknown syntax.
    mutating func recognizeSyntax(_ syntax: AST.SyntaxDeclaration) -> Bool {
        switch syntax.value {
        case "proto2":
            self.syntax = .proto2
        case "proto3":
            self.syntax = .proto3
        default:
            error(
                "Unrecognized syntax identifier \"\(syntax.value)\".  This parser only recognizes \"proto2\" and \"proto3\".",
                at: syntax.valueLocation
            )
            return false
        }
        return true
    }

    /// `package a.b.c;`, spaces and comments allowed around the dots.
    mutating func parsePackage() throws(Failure) -> AST.PackageDeclaration {
        if sawPackage {
            error("Multiple package definitions.")
        }
        sawPackage = true
        let location = currentLocation
        try consume("package")
        let nameLocation = currentLocation
        var name = ""
        while true {
            name += try consumeIdentifier(error: "Expected identifier.").text
            guard tryConsume(".") else { break }
            name += "."
        }
        let comments = try consumeEndOfDeclaration(";")
        return AST.PackageDeclaration(name: name, location: location, nameLocation: nameLocation, comments: comments)
    }

    /// `import "x.proto";`, `import public "x.proto";`, `import weak "x.proto";`.
    mutating func parseImport() throws(Failure) -> AST.ImportDeclaration {
        let location = currentLocation
        try consume("import")
        var kind = AST.ImportDeclaration.Kind.normal
        if tryConsume("public") {
            kind = .public
        } else if tryConsume("weak") {
            kind = .weak
        }
        let pathLocation = currentLocation
        let path = try consumeString(error: "Expected a string naming the file to import.")
        let comments = try consumeEndOfDeclaration(";")
        return AST.ImportDeclaration(
            path: String(decoding: path, as: UTF8.self),
            kind: kind,
            location: location,
            pathLocation: pathLocation,
            comments: comments
        )
    }
}
