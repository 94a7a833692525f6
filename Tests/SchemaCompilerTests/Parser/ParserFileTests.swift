import Testing
@testable import SchemaCompiler

@Suite("Parser: file-level statements")
struct ParserFileTests {
    @Test func syntaxPackageAndImports() {
        let source = """
            syntax = 'proto' "3";
            package shelf . /* c */ comments ;
            import "a.proto";
            import public "b.proto";
            import weak 'c' ".proto";
            ;
            """
        let (file, problems) = parse(source)
        #expect(problems == [])
        #expect(file.path == "test.proto")
        #expect(file.statements == [
            .syntax(.init(value: "proto3", location: location(1, 1), valueLocation: location(1, 10), comments: .none)),
            .package(.init(name: "shelf.comments", location: location(2, 1), nameLocation: location(2, 9), comments: .none)),
            .import(.init(path: "a.proto", kind: .normal, location: location(3, 1), pathLocation: location(3, 8), comments: .none)),
            .import(.init(path: "b.proto", kind: .public, location: location(4, 1), pathLocation: location(4, 15), comments: .none)),
            .import(.init(path: "c.proto", kind: .weak, location: location(5, 1), pathLocation: location(5, 13), comments: .none)),
        ])
    }

    /// Only `syntax` has to come first; the rest may come in any order.
    @Test func statementsInAnyOrder() {
        let source = """
            syntax = "proto3";
            message A {}
            option java_package = "x";
            package p;
            import "b.proto";
            enum E { E_ZERO = 0; }
            service S {}
            extend A {}
            """
        let kinds = parse(source).file.statements.map { statement -> String in
            switch statement {
            case .syntax: "syntax"
            case .package: "package"
            case .import: "import"
            case .option: "option"
            case .message: "message"
            case .enum: "enum"
            case .service: "service"
            case .extend: "extend"
            }
        }
        #expect(kinds == ["syntax", "message", "option", "package", "import", "enum", "service", "extend"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let (file, problems) = parse("\u{FEFF}syntax = \"proto3\";\nmessage A {}\n")
        #expect(problems == [])
        #expect(file.statements.count == 2)
    }

    /// Without `syntax`, the file is proto2 and fields need labels.
    @Test func missingSyntaxMeansProto2() {
        #expect(diagnostics("message A { int32 x = 1; }") == [
            "test.proto:1:13: Expected \"required\", \"optional\", or \"repeated\".",
        ])
        #expect(diagnostics("message A { optional int32 x = 1; }") == [])
    }

    /// After an unknown syntax protoc stops, so later problems go unreported.
    @Test func unknownSyntaxStopsParsing() {
        let (file, problems) = parse("syntax = \"proto4\";\nmessage A { $ }\n")
        #expect(problems == [
            "test.proto:1:10: Unrecognized syntax identifier \"proto4\".  This parser only recognizes \"proto2\" and \"proto3\".",
        ])
        #expect(file.statements.count == 1)
    }

    /// A broken statement is skipped; the statements around it are kept.
    @Test func recoveryKeepsWhatParsed() {
        let (file, problems) = parse("syntax = \"proto3\";\nmessage A { int32 x = ; int32 y = 2; }\nmessage B {}\n")
        #expect(problems == ["test.proto:2:23: Expected field number."])
        guard case .message(let a) = file.statements[1], case .message(let b) = file.statements[2] else {
            Issue.record("expected two messages")
            return
        }
        #expect(a.elements.count == 1)
        #expect(b.name.text == "B")
    }

    /// Parsing is linear: a large file parses quickly and without errors.
    @Test func largeFile() {
        var source = "syntax = \"proto3\";\n"
        for index in 0..<2000 {
            source += "message M\(index) { int32 a = 1; repeated string b = 2; map<string, M0> c = 3; }\n"
        }
        let (file, problems) = parse(source)
        #expect(problems == [])
        #expect(file.statements.count == 2001)
    }
}
