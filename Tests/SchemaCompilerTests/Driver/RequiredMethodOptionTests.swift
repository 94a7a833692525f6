import Foundation
import Testing

@testable import SchemaCompiler

/// `--require_method_option=NAME`: a method without the option is an error at its
/// `rpc`, reported with (and sorted among) the compilation's other errors.
@Suite("Required method option")
struct RequiredMethodOptionTests {
    static let files = [
        "opts.proto": """
            syntax = "proto3";
            package acme;
            import "google/protobuf/descriptor.proto";
            message Rule { bool open = 1; }
            extend google.protobuf.MethodOptions { Rule rule = 50001; }
            extend google.protobuf.FieldOptions { bool secret = 50002; }

            """,
        "api.proto": """
            syntax = "proto3";
            package acme;
            import "opts.proto";
            message Ping {}
            service Api {
              rpc Open(Ping) returns (Ping) { option (acme.rule) = { open: true }; }
              rpc Bare(Ping) returns (Ping);
                rpc Empty(Ping) returns (Ping) {}
            }
            message Later { Missing m = 1; }

            """,
    ]

    func run(_ arguments: [String]) -> (Int32, [String]) {
        var lines: [String] = []
        let status = Schemac.run(arguments: arguments) { lines.append($0) }
        return (status, lines)
    }

    @Test func methodsWithoutTheOptionAreErrorsAtTheirRPC() throws {
        let tree = try TemporaryTree(Self.files)
        let (status, lines) = run(["-I", tree.root, "-o", tree.path("out.pb"), "--require_method_option=acme.rule", "api.proto"])
        #expect(status == 1)
        #expect(lines == [
            "api.proto:7:3: Method \"Bare\" of service \"acme.Api\" does not set option (acme.rule), which --require_method_option requires of every method.",
            "api.proto:8:5: Method \"Empty\" of service \"acme.Api\" does not set option (acme.rule), which --require_method_option requires of every method.",
            "api.proto:10:17: \"Missing\" is not defined.",
        ])
        #expect(!FileManager.default.fileExists(atPath: tree.path("out.pb")))
    }

    @Test func onlyInputFilesAreChecked() throws {
        var files = Self.files
        files["api.proto"] = files["api.proto"]!.replacingOccurrences(of: "message Later { Missing m = 1; }\n", with: "")
        files["main.proto"] = "syntax = \"proto3\";\nimport \"api.proto\";\nmessage M { acme.Ping p = 1; }\n"
        let tree = try TemporaryTree(files)
        let (status, lines) = run(["-I", tree.root, "-o", tree.path("out.pb"), "--require_method_option=acme.rule", "main.proto"])
        #expect(status == 0)
        #expect(lines == [])
    }

    @Test(arguments: [
        ("acme.nothing", "--require_method_option: no extension named acme.nothing in the compiled files or their imports."),
        ("acme.secret", "--require_method_option: acme.secret extends google.protobuf.FieldOptions, not google.protobuf.MethodOptions."),
    ])
    func theNameMustBeAMethodOption(_ name: String, _ message: String) throws {
        var files = Self.files
        files["api.proto"] = files["api.proto"]!.replacingOccurrences(of: "message Later { Missing m = 1; }\n", with: "")
        let tree = try TemporaryTree(files)
        let (status, lines) = run(["-I", tree.root, "-o", tree.path("out.pb"), "--require_method_option=\(name)", "api.proto"])
        #expect(status == 1)
        #expect(lines == [message])
    }

    @Test func parsesTheFlag() throws {
        let options = try CommandLineOptions(arguments: ["--require_method_option=a.b", "--require_method_option", "c.d", "x.proto"])
        #expect(options.requiredMethodOptions == ["a.b", "c.d"])
        #expect(options.inputs == ["x.proto"])
    }
}
