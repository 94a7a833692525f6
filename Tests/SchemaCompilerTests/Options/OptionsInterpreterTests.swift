import Testing

@testable import SchemaCompiler

/// Option encoding compared byte for byte with protoc on the same declarations.
@Suite struct OptionsInterpreterTests {
    static let fixture = """
        syntax = "proto3";
        package p;
        import "google/protobuf/descriptor.proto";
        enum Role { ROLE_UNSPECIFIED = 0; ROLE_ADMIN = 1; ROLE_READER = 2; }
        message Limit {
          int32 per_minute = 1; string bucket = 2; repeated Role exempt = 3; Limit fallback = 4;
          map<string, int32> per_branch = 5; bool enabled = 6; optional int32 o = 7;
          repeated int32 nums = 8 [packed = false]; float f = 9; double d = 10; sint32 s = 11;
          repeated double many = 12;
        }
        extend google.protobuf.MessageOptions {
          string owner = 50001; repeated Role roles = 50002; Limit limit = 50003;
          repeated Limit limits = 50004; int32 i32 = 50005; uint32 u32 = 50006; float flt = 50007;
          double dbl = 50008; bool flag = 50009; sint64 s64 = 50010; fixed32 fx = 50011;
        }
        """

    static func reference(_ body: String) async throws -> (DescriptorSetLookup, [UInt8]?) {
        let set = try await ProtocFixture.compile(
            ["p.proto": fixture, "m.proto": "syntax = \"proto3\";\nimport \"p.proto\";\nmessage M {\n\(body)\n}\n"],
            main: "m.proto")
        let main = try #require(set.files.last)
        return (DescriptorSetLookup(set), main.messageTypes.first?.options)
    }

    func interpret(
        _ declarations: [AST.OptionDeclaration], lookup: DescriptorSetLookup,
        target: OptionTarget = .message
    ) -> (InterpretedOptions, [Diagnostic]) {
        var interpreter = OptionsInterpreter(lookup: lookup)
        var diagnostics = Diagnostics()
        let result = interpreter.interpret(
            declarations, for: target, scope: ".M", file: OptionAST.file, forceEmpty: false,
            diagnostics: &diagnostics)
        return (result, diagnostics.sorted)
    }

    @Test func standardOptionsFirstThenCustomInSourceOrder() async throws {
        typealias O = OptionAST
        let (lookup, expected) = try await Self.reference("""
            option (p.owner) = "team";
            option deprecated = true;
            option (p.roles) = ROLE_READER;
            option (p.limit).per_minute = 0;
            option (p.roles) = ROLE_ADMIN;
            option (p.limit).fallback.bucket = "x";
            option no_standard_descriptor_accessor = false;
            option (p.i32) = -2147483648;
            option (p.u32) = 4294967295;
            option (p.flt) = -0;
            option (p.dbl) = -0.0;
            option (p.s64) = -5;
            option (p.fx) = 7;
            option (p.flag) = false;
            """)
        let declarations = [
            O.option(O.name("(p.owner)"), O.string("team")),
            O.option(O.name("deprecated"), O.ident("true")),
            O.option(O.name("(p.roles)"), O.ident("ROLE_READER")),
            O.option(O.name("(p.limit)", "per_minute"), O.int(0)),
            O.option(O.name("(p.roles)"), O.ident("ROLE_ADMIN")),
            O.option(O.name("(p.limit)", "fallback", "bucket"), O.string("x")),
            O.option(O.name("no_standard_descriptor_accessor"), O.ident("false")),
            O.option(O.name("(p.i32)"), O.int(-2_147_483_648)),
            O.option(O.name("(p.u32)"), O.int(4_294_967_295)),
            O.option(O.name("(p.flt)"), .integer(.init(isNegative: true, magnitude: 0, at: O.at(1, 1)))),
            O.option(O.name("(p.dbl)"), O.float(0, negative: true)),
            O.option(O.name("(p.s64)"), O.int(-5)),
            O.option(O.name("(p.fx)"), O.int(7)),
            O.option(O.name("(p.flag)"), O.ident("false")),
        ]
        let (result, diagnostics) = interpret(declarations, lookup: lookup)
        #expect(diagnostics == [])
        #expect(result.encoded == expected)
        #expect(result.bool("deprecated") == true)
        #expect(result.bool("no_standard_descriptor_accessor") == false)
        #expect(result.bool("map_entry") == nil)
    }

    @Test func aggregateIsReencodedInFieldOrderWithProto3DefaultsDropped() async throws {
        typealias O = OptionAST
        let (lookup, expected) = try await Self.reference("""
            option (p.limits) = { per_minute: 5 enabled: false exempt: [ROLE_ADMIN, ROLE_READER]
              exempt: ROLE_READER per_branch { key: "n" value: 0 } per_branch { value: 3 }
              fallback {} o: 0 nums: [1, 2] f: -0 d: -inf s: -3 many: [nan, -nan, Infinity, 2] };
            option (p.limits) = { bucket: "b" };
            """)
        let declarations = [
            O.option(
                O.name("(p.limits)"),
                O.aggregate(
                    O.entry("per_minute", O.scalar(O.int(5))),
                    O.entry("enabled", O.scalar(O.ident("false"))),
                    O.entry("exempt", O.list(O.scalar(O.ident("ROLE_ADMIN")), O.scalar(O.ident("ROLE_READER")))),
                    O.entry("exempt", O.scalar(O.ident("ROLE_READER"))),
                    O.entry("per_branch", O.message(O.entry("key", O.scalar(O.string("n"))), O.entry("value", O.scalar(O.int(0))))),
                    O.entry("per_branch", O.message(O.entry("value", O.scalar(O.int(3))))),
                    O.entry("fallback", O.message()),
                    O.entry("o", O.scalar(O.int(0))),
                    O.entry("nums", O.list(O.scalar(O.int(1)), O.scalar(O.int(2)))),
                    O.entry("f", O.scalar(.integer(.init(isNegative: true, magnitude: 0, at: O.at(1, 1))))),
                    O.entry("d", O.scalar(O.ident("inf", negative: true))),
                    O.entry("s", O.scalar(O.int(-3))),
                    O.entry(
                        "many",
                        O.list(
                            O.scalar(O.ident("nan")), O.scalar(O.ident("nan", negative: true)),
                            O.scalar(O.ident("Infinity")), O.scalar(O.int(2)))))),
            O.option(O.name("(p.limits)"), O.aggregate(O.entry("bucket", O.scalar(O.string("b"))))),
        ]
        let (result, diagnostics) = interpret(declarations, lookup: lookup)
        #expect(diagnostics == [])
        #expect(result.encoded == expected)
        #expect(expected?.count == 89)
    }

    @Test func noDeclarationsWritesNothingUnlessForced() async throws {
        let (lookup, _) = try await Self.reference("")
        var interpreter = OptionsInterpreter(lookup: lookup)
        var diagnostics = Diagnostics()
        let none = interpreter.interpret(
            [], for: .method, scope: "", file: "m.proto", forceEmpty: false, diagnostics: &diagnostics)
        let forced = interpreter.interpret(
            [], for: .method, scope: "", file: "m.proto", forceEmpty: true, diagnostics: &diagnostics)
        #expect(none.encoded == nil)
        #expect(forced.encoded == [])
    }
}
