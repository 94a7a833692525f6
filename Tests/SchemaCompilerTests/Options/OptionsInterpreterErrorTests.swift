import Testing

@testable import SchemaCompiler

/// Every option error with protoc 3.21's exact wording and position (names at the
/// option name, values at the value), checked against the fixture's real descriptors.
@Suite struct OptionsInterpreterErrorTests {
    typealias O = OptionAST

    struct Case: CustomStringConvertible, Sendable {
        var label: String
        var target: OptionTarget = .message
        var declarations: [AST.OptionDeclaration]
        var expected: [String]
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "unknown standard option", target: .file,
            declarations: [O.option(O.name("java_pakage"), O.string("x"))],
            expected: [
                "m.proto:1:8: Option \"java_pakage\" unknown. Ensure that your proto definition file imports the proto which defines the option."
            ]),
        Case(
            label: "standard option set twice",
            declarations: [
                O.option(O.name("deprecated"), O.ident("true")),
                O.option(O.name("deprecated"), O.ident("false"), line: 2),
            ],
            expected: ["m.proto:2:8: Option \"deprecated\" was already set."]),
        Case(
            label: "int32 out of range",
            declarations: [O.option(O.name("(p.i32)"), O.int(2_147_483_648))],
            expected: ["m.proto:1:20: Value out of range for int32 option \"p.i32\"."]),
        Case(
            label: "uint32 out of range names the field without scope",
            declarations: [O.option(O.name("(p.u32)"), O.int(4_294_967_296))],
            expected: ["m.proto:1:20: Value out of range for uint32 option \"u32\"."]),
        Case(
            label: "negative uint32",
            declarations: [O.option(O.name("(p.u32)"), O.int(-1))],
            expected: ["m.proto:1:20: Value must be non-negative integer for uint32 option \"p.u32\"."]),
        Case(
            label: "bool given a string", target: .file,
            declarations: [O.option(O.name("java_multiple_files"), O.string("true"))],
            expected: [
                "m.proto:1:20: Value must be identifier for boolean option \"google.protobuf.FileOptions.java_multiple_files\"."
            ]),
        Case(
            label: "bool given another identifier",
            declarations: [O.option(O.name("(p.flag)"), O.ident("True"))],
            expected: ["m.proto:1:20: Value must be \"true\" or \"false\" for boolean option \"p.flag\"."]),
        Case(
            label: "unknown enum value",
            declarations: [O.option(O.name("(p.roles)"), O.ident("ROLE_NONE"))],
            expected: ["m.proto:1:20: Enum type \"p.Role\" has no value named \"ROLE_NONE\" for option \"p.roles\"."]),
        Case(
            label: "enum given a number",
            declarations: [O.option(O.name("(p.roles)"), O.int(1))],
            expected: ["m.proto:1:20: Value must be identifier for enum-valued option \"p.roles\"."]),
        Case(
            label: "message option given a scalar",
            declarations: [O.option(O.name("(p.limit)"), O.int(10))],
            expected: [
                "m.proto:1:20: Option \"p.limit\" is a message. To set the entire message, use syntax like \"limit = { <proto text format> }\". To set fields within it, use syntax like \"limit.foo = value\"."
            ]),
        Case(
            label: "sub-field of a scalar option",
            declarations: [O.option(O.name("(p.owner)", "name"), O.string("x"))],
            expected: ["m.proto:1:8: Option \"(p.owner)\" is an atomic type, not a message."]),
        Case(
            label: "sub-field of a repeated message option",
            declarations: [O.option(O.name("(p.limits)", "per_minute"), O.int(1))],
            expected: [
                "m.proto:1:8: Option field \"(p.limits)\" is a repeated message. Repeated message options must be initialized using an aggregate value."
            ]),
        Case(
            label: "extension of another options message", target: .field,
            declarations: [O.option(O.name("(p.i32)"), O.int(1))],
            expected: ["m.proto:1:8: Option field \"(p.i32)\" is not a field or extension of message \"FieldOptions\"."]),
        Case(
            label: "regular field named as an extension",
            declarations: [O.option(O.name("(p.Limit.bucket)"), O.string("x"))],
            expected: [
                "m.proto:1:8: Option field \"(p.Limit.bucket)\" is not a field or extension of message \"MessageOptions\"."
            ]),
        Case(
            label: "unknown extension",
            declarations: [O.option(O.name("(p.nothing)"), O.int(1))],
            expected: [
                "m.proto:1:8: Option \"(p.nothing)\" unknown. Ensure that your proto definition file imports the proto which defines the option."
            ]),
        Case(
            label: "plain inf for a float",
            declarations: [O.option(O.name("(p.flt)"), O.ident("inf"))],
            expected: ["m.proto:1:20: Value must be number for float option \"p.flt\"."]),
        Case(
            label: "string option given a number",
            declarations: [O.option(O.name("(p.owner)"), O.int(1))],
            expected: ["m.proto:1:20: Value must be quoted string for string option \"p.owner\"."]),
        Case(
            label: "sub-field after the whole message was set",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("per_minute", O.scalar(O.int(1))))),
                O.option(O.name("(p.limit)", "per_minute"), O.int(2), line: 2),
            ],
            expected: ["m.proto:2:8: Option \"(p.limit).per_minute\" was already set."]),
        Case(
            label: "only the first error of a block is reported",
            declarations: [
                O.option(O.name("(p.nothing)"), O.int(1)),
                O.option(O.name("(p.i32)"), O.string("x"), line: 2),
            ],
            expected: [
                "m.proto:1:8: Option \"(p.nothing)\" unknown. Ensure that your proto definition file imports the proto which defines the option."
            ]),
        Case(
            label: "aggregate with an unknown field",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("burst", O.scalar(O.int(1)))))
            ],
            expected: [
                "m.proto:1:20: Error while parsing option value for \"limit\": Message type \"p.Limit\" has no field named \"burst\"."
            ]),
        Case(
            label: "aggregate setting a singular field twice",
            declarations: [
                O.option(
                    O.name("(p.limit)"),
                    O.aggregate(O.entry("bucket", O.scalar(O.string("a"))), O.entry("bucket", O.scalar(O.string("b")))))
            ],
            expected: [
                "m.proto:1:20: Error while parsing option value for \"limit\": Non-repeated field \"bucket\" is specified multiple times."
            ]),
        Case(
            label: "aggregate int32 out of range",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("per_minute", O.scalar(O.int(-2_147_483_649)))))
            ],
            expected: [
                "m.proto:1:20: Error while parsing option value for \"limit\": Integer out of range (2147483649)"
            ]),
        Case(
            label: "aggregate list on a singular field",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("per_minute", O.list(O.scalar(O.int(1))))))
            ],
            expected: ["m.proto:1:20: Error while parsing option value for \"limit\": Expected integer, got: ["]),
        Case(
            label: "aggregate message field given a scalar",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("fallback", O.scalar(O.int(1)))))
            ],
            expected: ["m.proto:1:20: Error while parsing option value for \"limit\": Expected \"{\", found \"1\"."]),
        Case(
            label: "aggregate bool out of range",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("enabled", O.scalar(O.int(2)))))
            ],
            expected: ["m.proto:1:20: Error while parsing option value for \"limit\": Integer out of range (2)"]),
        Case(
            label: "aggregate unknown enum name",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("exempt", O.scalar(O.ident("NOBODY")))))
            ],
            expected: [
                "m.proto:1:20: Error while parsing option value for \"limit\": Unknown enumeration value of \"NOBODY\" for field \"exempt\"."
            ]),
        Case(
            label: "aggregate unknown extension",
            declarations: [
                O.option(O.name("(p.limit)"), O.aggregate(O.entry("[p.nothing]", O.scalar(O.int(1)))))
            ],
            expected: [
                "m.proto:1:20: Error while parsing option value for \"limit\": Extension \"p.nothing\" is not defined or is not an extension of \"p.Limit\"."
            ]),
    ]

    @Test(arguments: cases)
    func reportsProtocError(_ errorCase: Case) async throws {
        let (lookup, _) = try await OptionsInterpreterTests.reference("")
        var interpreter = OptionsInterpreter(lookup: lookup)
        var diagnostics = Diagnostics()
        _ = interpreter.interpret(
            errorCase.declarations, for: errorCase.target, scope: ".M", file: OptionAST.file,
            forceEmpty: false, diagnostics: &diagnostics)
        #expect(diagnostics.sorted.map(\.description) == errorCase.expected)
    }
}
