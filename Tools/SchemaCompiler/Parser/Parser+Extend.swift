extension Parser {
    /// `extend Foo { fields }` at file or message level.
    mutating func parseExtend() throws(Failure) -> AST.ExtendDeclaration {
        let location = currentLocation
        try consume("extend")
        let extendee = try parseUserDefinedType()
        let comments = try consumeEndOfDeclaration("{")
        var fields: [AST.FieldDeclaration] = []
        var groups: [AST.GroupDeclaration] = []
        // Like a oneof, the body is read before looking for `}`, so `extend Foo {}` fails.
        repeat {
            if isAtEnd {
                error("Reached end of input in extend definition (missing '}').")
                throw Failure()
            }
            do {
                switch try parseField(in: .extend) {
                case .field(let field): fields.append(field)
                case .group(let group): groups.append(group)
                default: break
                }
            } catch {
                skipStatement()
            }
        } while tryConsumeEndOfDeclaration("}", attachingComments: false) == nil
        return AST.ExtendDeclaration(
            extendee: extendee, fields: fields, groups: groups, location: location, comments: comments
        )
    }
}
