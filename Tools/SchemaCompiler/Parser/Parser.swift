/// A recursive-descent parser for `.proto` files (all of proto3, and the proto2 that
/// `descriptor.proto` and imported proto2 files use), producing the `AST`.
///
/// It follows protoc 3.21's parser statement by statement, so it reports the same errors
/// at the same places and recovers the same way: a statement that fails is skipped up to
/// the next `;` or past the next `{ ... }` block, and parsing goes on. Comments are
/// attached as protoc's `SourceCodeInfo` attaches them.
public struct Parser {
    let input: TokenizedSource
    let path: String
    /// The token being looked at; never past the `.end` token.
    var index = 0
    /// The first lexer problem not yet reported.
    var nextProblem = 0
    var diagnostics = Diagnostics()
    var syntax: SyntaxLevel = .proto2
    var sawPackage = false
    /// The name parts of the option being parsed, kept when it fails halfway (protoc
    /// keeps such a half-parsed option, and its enum check then sees it).
    var partialOptionName: [AST.OptionNamePart] = []
    /// The value of that option once it is read (the `;` may still be missing).
    var partialOptionValue: AST.OptionValue?
    /// The number of the enum value being parsed once it is read; protoc keeps a value
    /// that fails later on (with number 0 if it failed earlier) for its alias check.
    var partialEnumValueNumber: Int64 = 0
    /// Leading comments read after the last end of a declaration, waiting for the
    /// declaration they lead into.
    var upcomingLeadingComments = ""
    var upcomingDetachedComments: [String] = []

    enum SyntaxLevel {
        case proto2
        case proto3
    }

    /// A statement failed; its error is already reported and the caller recovers.
    struct Failure: Error {}

    init(source: [UInt8], path: String) {
        input = Lexer.tokenize(source)
        self.path = path
        reportProblems(through: 0)
        let comments = CommentScanner.comments(in: input, after: -1)
        upcomingDetachedComments = comments.detached
        upcomingLeadingComments = comments.leading
    }
}

extension Parser {
    /// Parses one file. Every syntax error goes into `diagnostics` (all of them, with
    /// recovery: skip to the next `;` or `}` and go on), and the tree holds what could be
    /// parsed.
    public static func parse(source: [UInt8], path: String, diagnostics: inout Diagnostics) -> AST.File {
        var parser = Parser(source: source, path: path)
        let statements = parser.parseFile()
        diagnostics.append(contentsOf: parser.diagnostics)
        return AST.File(path: path, statements: statements)
    }
}

// MARK: - Looking at tokens

extension Parser {
    var current: Token { input.tokens[index] }

    var isAtEnd: Bool { current.kind == .end }

    var currentText: String { input.text(of: current) }

    var currentLocation: SourceLocation { location(of: current) }

    func location(of token: Token) -> SourceLocation {
        SourceLocation(file: path, line: token.line, column: token.column)
    }

    /// Compares the token's text whatever its kind, as protoc's `LookingAt` does.
    func lookingAt(_ text: String) -> Bool {
        input.token(current, is: text)
    }

    func lookingAt(_ kind: Token.Kind) -> Bool {
        current.kind == kind
    }

    mutating func advance() {
        guard index < input.tokens.count - 1 else { return }
        index += 1
        reportProblems(through: index)
    }

    /// Reports the lexer's problems up to the token now being read, which is when protoc's
    /// tokenizer reports them.
    mutating func reportProblems(through tokenIndex: Int) {
        while nextProblem < input.problems.count, input.problems[nextProblem].tokenIndex <= tokenIndex {
            let problem = input.problems[nextProblem]
            let location = SourceLocation(file: path, line: problem.line, column: problem.column)
            diagnostics.error(problem.message, at: location)
            nextProblem += 1
        }
    }

    /// Reports an error at the current token.
    mutating func error(_ message: String) {
        diagnostics.error(message, at: currentLocation)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }
}

// MARK: - Consuming tokens

extension Parser {
    mutating func tryConsume(_ text: String) -> Bool {
        guard lookingAt(text) else { return false }
        advance()
        return true
    }

    mutating func consume(_ text: String, error message: String? = nil) throws(Failure) {
        guard tryConsume(text) else {
            error(message ?? "Expected \"\(text)\".")
            throw Failure()
        }
    }

    mutating func consumeIdentifier(error message: String) throws(Failure) -> AST.Identifier {
        guard lookingAt(.identifier) else {
            error(message)
            throw Failure()
        }
        let identifier = AST.Identifier(currentText, at: currentLocation)
        advance()
        return identifier
    }

    /// An unsigned integer no greater than `maximum`. One out of range is reported and
    /// read as 0, as protoc does, and parsing goes on.
    mutating func consumeInteger(
        maximum: UInt64 = UInt64(Int32.max), error message: String
    ) throws(Failure) -> AST.IntegerLiteral {
        guard lookingAt(.integer) else {
            error(message)
            throw Failure()
        }
        let literal = AST.IntegerLiteral(magnitude: integerValue(maximum: maximum), at: currentLocation)
        advance()
        return literal
    }

    /// The current integer token's value, or 0 after reporting "Integer out of range.".
    mutating func integerValue(maximum: UInt64) -> UInt64 {
        guard let value = LiteralValue.integer(input.source[current.range]), value <= maximum else {
            error("Integer out of range.")
            return 0
        }
        return value
    }

    /// `-`? integer, within Int32 (enum numbers).
    mutating func consumeSignedInteger(error message: String) throws(Failure) -> AST.IntegerLiteral {
        let location = currentLocation
        let isNegative = tryConsume("-")
        let maximum = UInt64(Int32.max) + (isNegative ? 1 : 0)
        var literal = try consumeInteger(maximum: maximum, error: message)
        literal.isNegative = isNegative
        literal.location = location
        return literal
    }

    /// One string literal or several adjacent ones, concatenated, as raw bytes.
    mutating func consumeString(error message: String) throws(Failure) -> [UInt8] {
        guard lookingAt(.string) else {
            error(message)
            throw Failure()
        }
        var bytes: [UInt8] = []
        while lookingAt(.string) {
            LiteralValue.appendString(input.source[current.range], to: &bytes)
            advance()
        }
        return bytes
    }
}
