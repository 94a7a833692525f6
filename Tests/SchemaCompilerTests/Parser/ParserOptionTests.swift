import Testing
@testable import SchemaCompiler

@Suite("Parser: options")
struct ParserOptionTests {
    /// The options of a file made of `syntax` and option statements.
    func fileOptions(_ text: String) -> [AST.OptionDeclaration] {
        statements("syntax = \"proto3\";\n" + text).compactMap { statement in
            guard case .option(let option) = statement else { return nil }
            return option
        }
    }

    func value(_ text: String) -> AST.OptionValue? {
        fileOptions("option (x) = \(text);").first?.value
    }

    @Test func optionNames() {
        let options = fileOptions("""
            option java_package = "a";
            option (foo.bar).baz.qux = 1;
            option (.fully.qualified) = 2;
            option a.(b).c = 3;
            """)
        #expect(options.map(\.name) == [
            [.field(.init("java_package", at: location(2, 8)))],
            [
                .extension(.init("foo.bar", at: location(3, 8))),
                .field(.init("baz", at: location(3, 18))),
                .field(.init("qux", at: location(3, 22))),
            ],
            [.extension(.init(".fully.qualified", at: location(4, 8)))],
            [
                .field(.init("a", at: location(5, 8))),
                .extension(.init("b", at: location(5, 10))),
                .field(.init("c", at: location(5, 14))),
            ],
        ])
        #expect(options.map(\.location) == [location(2, 8), location(3, 8), location(4, 8), location(5, 8)])
        #expect(options.map(\.valueLocation) == [location(2, 23), location(3, 28), location(4, 29), location(5, 18)])
    }

    @Test("scalar values", arguments: [
        ("42", AST.OptionValue.integer(.init(magnitude: 42, at: location(2, 14)))),
        ("0x2A", .integer(.init(magnitude: 42, at: location(2, 14)))),
        ("052", .integer(.init(magnitude: 42, at: location(2, 14)))),
        ("-42", .integer(.init(isNegative: true, magnitude: 42, at: location(2, 14)))),
        ("-0", .integer(.init(isNegative: true, magnitude: 0, at: location(2, 14)))),
        ("18446744073709551615", .integer(.init(magnitude: .max, at: location(2, 14)))),
        ("-9223372036854775808", .integer(.init(isNegative: true, magnitude: 1 << 63, at: location(2, 14)))),
        ("1.5", .float(1.5, isNegative: false, text: "1.5")),
        ("-.5", .float(0.5, isNegative: true, text: ".5")),
        ("5.", .float(5, isNegative: false, text: "5.")),
        ("1e10", .float(1e10, isNegative: false, text: "1e10")),
        ("-0.0", .float(0, isNegative: true, text: "0.0")),
        ("inf", .identifier("inf", isNegative: false)),
        ("nan", .identifier("nan", isNegative: false)),
        ("true", .identifier("true", isNegative: false)),
        ("SOME_ENUM", .identifier("SOME_ENUM", isNegative: false)),
        ("\"a\\n\" 'b'", .string([97, 10, 98])),
    ])
    func scalarValue(_ text: String, expected: AST.OptionValue) {
        #expect(value(text) == expected)
    }

    @Test func aggregateValue() {
        let source = """
            option (x) = {
              a: 1 b { c: 2 } d: [1, -2.5]; e < f: "s" 't' >,
              [ext.name]: inf [type.googleapis.com/pkg.Msg] { } g: -inf h [{}, <>] i: []
            };
            """
        guard case .aggregate(let fields) = fileOptions(source).first?.value else {
            Issue.record("expected an aggregate")
            return
        }
        func field(_ text: String, _ line: Int, _ column: Int) -> AST.AggregateField.Name {
            .field(.init(text, at: location(line, column)))
        }
        let expected: [AST.AggregateField] = [
            .init(name: field("a", 3, 3), value: .scalar(.integer(.init(magnitude: 1, at: location(3, 6))), location: location(3, 6)), location: location(3, 3)),
            .init(name: field("b", 3, 8), value: .message([
                .init(name: field("c", 3, 12), value: .scalar(.integer(.init(magnitude: 2, at: location(3, 15))), location: location(3, 15)), location: location(3, 12)),
            ], location: location(3, 10)), location: location(3, 8)),
            .init(name: field("d", 3, 19), value: .list([
                .scalar(.integer(.init(magnitude: 1, at: location(3, 23))), location: location(3, 23)),
                .scalar(.float(2.5, isNegative: true, text: "2.5"), location: location(3, 26)),
            ], location: location(3, 22)), location: location(3, 19)),
            .init(name: field("e", 3, 33), value: .message([
                .init(name: field("f", 3, 37), value: .scalar(.string(Array("st".utf8)), location: location(3, 40)), location: location(3, 37)),
            ], location: location(3, 35)), location: location(3, 33)),
            .init(name: .extension(.init("ext.name", at: location(4, 4))), value: .scalar(.identifier("inf", isNegative: false), location: location(4, 15)), location: location(4, 3)),
            .init(name: .anyTypeURL("type.googleapis.com/pkg.Msg", location: location(4, 20)), value: .message([], location: location(4, 49)), location: location(4, 19)),
            .init(name: field("g", 4, 53), value: .scalar(.identifier("inf", isNegative: true), location: location(4, 56)), location: location(4, 53)),
            .init(name: field("h", 4, 61), value: .list([.message([], location: location(4, 64)), .message([], location: location(4, 68))], location: location(4, 63)), location: location(4, 61)),
            .init(name: field("i", 4, 72), value: .list([], location: location(4, 75)), location: location(4, 72)),
        ]
        #expect(fields == expected)
    }

    @Test func emptyAggregate() {
        #expect(value("{}") == .aggregate([]))
    }

    @Test("aggregate syntax errors are reported at the `{`", arguments: [
        ("{ a 1 }", "Expected \":\", found \"1\"."),
        ("{ a: 1,, }", "Expected identifier, got: ,"),
        ("{ a: }", "Expected value, got: }"),
        ("{ a: [1 2] }", "Expected \",\", found \"2\"."),
        ("{ a [1] }", "Expected \":\", found \"[\"."),
        ("{ a < b: 1 }", "Expected \">\", found \"}\"."),
        ("{ [a.b: 1 }", "Expected \"]\", found \":\"."),
        ("{ a: 99999999999999999999 }", "Integer out of range (99999999999999999999)"),
    ])
    func aggregateError(_ text: String, message: String) {
        #expect(diagnostics("syntax = \"proto3\";\noption (my.opt) = \(text);") == [
            "test.proto:2:19: Error while parsing option value for \"opt\": \(message)",
        ])
    }

    /// Lists, `< >` and a signed identifier are only accepted inside `{ }`.
    @Test func valuesOnlyValidInsideAggregates() {
        #expect(diagnostics("syntax = \"proto3\";\noption (x) = [1, 2];\noption (y) = < a: 1 >;\noption (z) = -inf;") == [
            "test.proto:2:14: Expected option value.",
            "test.proto:3:14: Expected option value.",
            "test.proto:4:15: Invalid '-' symbol before identifier.",
        ])
    }

    @Test func fieldPseudoOptions() throws {
        let message = try #require(firstMessage("""
            syntax = "proto2";
            message M {
              optional int32 a = 1 [default = -5, json_name = "x" "y", (c) = 2];
              optional double b = 2 [default = -inf];
              optional E e = 3 [default = VALUE];
              optional bytes d = 4 [default = "\\001"];
              optional uint32 u = 5 [default = 0x10];
            }
            """))
        let values = message.elements.compactMap { element -> [AST.OptionValue]? in
            guard case .field(let field) = element else { return nil }
            return field.options.map(\.value)
        }
        #expect(values == [
            [
                .integer(.init(isNegative: true, magnitude: 5, at: location(3, 35))),
                .string(Array("xy".utf8)),
                .integer(.init(magnitude: 2, at: location(3, 66))),
            ],
            [.identifier("inf", isNegative: true)],
            [.identifier("VALUE", isNegative: false)],
            [.string([1])],
            [.integer(.init(magnitude: 16, at: location(7, 36)))],
        ])
    }

    @Test func optionsInEveryScope() {
        let (file, problems) = parse("""
            syntax = "proto2";
            option (f) = 1;
            message M {
              option (m) = 1;
              oneof o { option (o) = 1; int32 x = 1; }
              extensions 10 to 20 [(r) = 1];
            }
            enum E { option (e) = 1; V = 0 [(v) = 1]; }
            service S {
              option (s) = 1;
              rpc A(M) returns (M) { option (a) = 1; }
              rpc B(M) returns (M);
              rpc C(stream M) returns (stream M) {}
            }
            """)
        #expect(problems == [])
        guard case .service(let service) = file.statements[4] else { return }
        #expect(service.options.count == 1)
        #expect(service.methods.map(\.options.count) == [1, 0, 0])
        #expect(service.methods.map(\.hasBody) == [true, false, true])
        #expect(service.methods.map(\.clientStreaming) == [false, false, true])
        #expect(service.methods.map(\.serverStreaming) == [false, false, true])
    }
}
