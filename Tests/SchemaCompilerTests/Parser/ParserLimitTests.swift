import Testing
@testable import SchemaCompiler

/// Nesting limits: hostile input ends in one error at a position, never in a stack
/// overflow, and parsing goes on after the too-deep construct. The positions were
/// worked out from the generated layouts (one declaration per line).
@Suite("Parser: nesting limits")
struct ParserLimitTests {
    /// `message M0 {` … `message M<depth-1> {` one per line from line 2, an optional
    /// `innermost` line, the closing braces on one line, then `after`.
    static func nestedMessages(
        _ depth: Int, syntax: String = "proto3", innermost: String? = nil, after: String = ""
    ) -> String {
        var lines = ["syntax = \"\(syntax)\";"]
        lines += (0..<depth).map { "message M\($0) {" }
        if let innermost { lines.append(innermost) }
        lines.append(String(repeating: "}", count: depth))
        lines.append(after)
        return lines.joined(separator: "\n")
    }

    /// How many messages are nested in the first file-level message, itself included.
    static func nestingDepth(of file: AST.File) -> Int {
        guard case .message(var message)? = file.statements.first(where: { if case .message = $0 { true } else { false } })
        else { return 0 }
        var depth = 1
        while case .message(let nested)? = message.elements.first {
            message = nested
            depth += 1
        }
        return depth
    }

    @Test func thirtyOneNestedMessagesParse() {
        let (file, diagnostics) = parse(Self.nestedMessages(31))
        #expect(diagnostics == [])
        #expect(Self.nestingDepth(of: file) == 31)
    }

    @Test func theThirtySecondNestedMessageIsReportedAtItsName() {
        let (file, diagnostics) = parse(Self.nestedMessages(32))
        #expect(diagnostics == ["test.proto:33:9: Reached maximum recursion limit for nested messages."])
        // The message past the limit stays, empty.
        #expect(Self.nestingDepth(of: file) == 32)
    }

    @Test func twentyThousandNestedMessagesGiveOneErrorAndParsingGoesOn() {
        let source = Self.nestedMessages(20_000, after: "message After { int32 x = 1 }")
        let (file, diagnostics) = parse(source)
        #expect(diagnostics == [
            "test.proto:33:9: Reached maximum recursion limit for nested messages.",
            "test.proto:20003:29: Expected \";\".",
        ])
        #expect(Self.nestingDepth(of: file) == 32)
        let names = file.statements.compactMap { statement -> String? in
            if case .message(let message) = statement { return message.name.text }
            return nil
        }
        #expect(names == ["M0", "After"])
    }

    @Test func enumsOneofsAndExtendBlocksAddNoLevel() {
        let innermost = "enum E { Z = 0; } oneof o { int32 a = 1; } extend Other { int32 b = 2; }"
        #expect(diagnostics(Self.nestedMessages(31, innermost: innermost)) == [])
    }

    /// proto2 groups are message bodies too, wherever the group field is declared.
    @Test("a group past the limit is reported at its name", arguments: [
        ("optional group G = 1 {}", "test.proto:33:16: Reached maximum recursion limit for nested messages."),
        ("oneof o { group G = 1 {} }", "test.proto:33:17: Reached maximum recursion limit for nested messages."),
        ("extend M0 { optional group G = 1 {} }", "test.proto:33:28: Reached maximum recursion limit for nested messages."),
    ])
    func groupPastTheLimit(_ innermost: String, expected: String) {
        #expect(diagnostics(Self.nestedMessages(31, syntax: "proto2", innermost: innermost)) == [expected])
    }

    @Test func nestedGroupsCountLikeMessages() {
        var lines = ["syntax = \"proto2\";", "message M {"]
        lines += (0..<31).map { "optional group G\($0) = \($0 + 1) {" }
        lines.append(String(repeating: "}", count: 32))
        let (_, errors) = parse(lines.joined(separator: "\n"))
        #expect(errors == ["test.proto:33:16: Reached maximum recursion limit for nested messages."])
    }

    /// protoc's error recovery skips a failed statement's block recursively; ours loops.
    /// The output is protoc's for the same file 1,000 braces deep (deeper, protoc
    /// crashes).
    @Test func errorRecoverySkipsDeeplyNestedBracesWithoutRecursion() {
        let braces = String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_000)
        let source = "syntax = \"proto3\";\nmessage A { int32 x = ; \(braces) }\nmessage B { int32 y = 1; }\n"
        #expect(diagnostics(source) == [
            "test.proto:2:23: Expected field number.",
            "test.proto:2:25: Expected type name.",
            "test.proto:4:1: Reached end of input in message definition (missing '}').",
        ])
    }

    @Test func manyUnmatchedClosingBracesAreEachReported() {
        let (_, errors) = parse("syntax = \"proto3\";\n" + String(repeating: "}", count: 10_000) + "\nmessage A {}\n")
        #expect(errors.count == 20_000)
        #expect(errors.suffix(2) == [
            "test.proto:2:10000: Expected top-level statement (e.g. \"message\").",
            "test.proto:2:10000: Unmatched \"}\".",
        ])
    }
}

// MARK: - Aggregate option values

extension ParserLimitTests {
    static let tooDeep = "Message is too deep, the parser exceeded the configured recursion limit of 100."

    /// `option (o) = { ... };` on line 2 (the `{` at column 14), then `after` on line 3.
    static func aggregate(_ value: String, after: String = "") -> String {
        "syntax = \"proto2\";\noption (o) = { \(value) };\n\(after)"
    }

    static func nested(_ depth: Int, open: String, close: String) -> String {
        String(repeating: "o \(open) ", count: depth) + "x: 1" + String(repeating: " \(close)", count: depth)
    }

    @Test("100 nested messages in an aggregate parse", arguments: [("{", "}"), ("<", ">")])
    func hundredLevels(_ open: String, _ close: String) {
        #expect(diagnostics(Self.aggregate(Self.nested(100, open: open, close: close))) == [])
    }

    @Test("the 101st nested message is reported at the value's `{`", arguments: [
        (101, "{", "}"), (101, "<", ">"), (100_000, "{", "}"), (100_000, "<", ">"),
    ])
    func tooDeepAggregate(_ depth: Int, _ open: String, _ close: String) {
        let source = Self.aggregate(
            Self.nested(depth, open: open, close: close), after: "message A { optional int32 x = 1 }")
        #expect(diagnostics(source) == [
            "test.proto:2:14: Error while parsing option value for \"o\": \(Self.tooDeep)",
            "test.proto:3:34: Expected \";\".",
        ])
    }

    @Test func listsOfMessagesCountTheirMessages() {
        func lists(_ depth: Int) -> String {
            String(repeating: "l [{ ", count: depth) + "x: 1" + String(repeating: " }]", count: depth)
        }
        #expect(diagnostics(Self.aggregate(lists(100))) == [])
        #expect(diagnostics(Self.aggregate(lists(50_000))) == [
            "test.proto:2:14: Error while parsing option value for \"o\": \(Self.tooDeep)",
        ])
    }

    @Test func deepAggregateInCompactOptions() {
        let source = "syntax = \"proto2\";\nmessage A {\n  optional int32 x = 1 [(o) = { \(Self.nested(5_000, open: "{", close: "}")) }];\n}\n"
        #expect(diagnostics(source) == [
            "test.proto:3:31: Error while parsing option value for \"o\": \(Self.tooDeep)",
        ])
    }
}
