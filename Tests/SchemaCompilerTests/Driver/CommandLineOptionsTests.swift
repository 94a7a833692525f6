import Testing

@testable import SchemaCompiler

@Suite struct CommandLineOptionsTests {
    @Test func acceptsEveryProtocSpellingOfTheImportPath() throws {
        let options = try CommandLineOptions(arguments: [
            "-I", "a", "-Ib", "--proto_path=c", "--proto_path", "d", "-Ie:f", "x.proto",
        ])
        #expect(options.importRoots == ["a", "b", "c", "d", "e", "f"])
        #expect(options.inputs == ["x.proto"])
    }

    @Test func readsOutputsAndSwiftOptions() throws {
        let options = try CommandLineOptions(arguments: [
            "--descriptor_set_out=out.pb", "--include_imports", "--swift_out=gen",
            "--swift_opt=Visibility=Internal", "--swift_opt", "ModuleMapping=a.proto=A,TypePrefix=P",
            "a.proto", "b.proto",
        ])
        #expect(options.descriptorSetOut == "out.pb")
        #expect(options.includeImports)
        #expect(options.swiftOut == "gen")
        #expect(options.swiftOptions.map { "\($0.0)|\($0.1)" } == [
            "Visibility|Internal", "ModuleMapping|a.proto=A", "TypePrefix|P",
        ])
        #expect(options.inputs == ["a.proto", "b.proto"])
    }

    @Test func splitsParametersGluedToSwiftOut() throws {
        let options = try CommandLineOptions(arguments: ["--swift_out=Visibility=Public:out", "-oset.pb"])
        #expect(options.swiftOut == "out")
        #expect(options.swiftOptions.map { "\($0.0)|\($0.1)" } == ["Visibility|Public"])
        #expect(options.descriptorSetOut == "set.pb")
    }

    @Test(arguments: [
        (["--frobnicate"], "Unknown flag: --frobnicate"),
        (["-I"], "Missing value for flag: -I"),
        (["--descriptor_set_out"], "Missing value for flag: --descriptor_set_out"),
        (["--include_imports=yes"], "--include_imports does not take a value."),
        (["-o", "a", "-o", "b"], "-o may only be passed once."),
    ])
    func rejectsMistakesWithProtocWording(_ arguments: [String], _ message: String) {
        #expect(throws: CommandLineError(message)) { try CommandLineOptions(arguments: arguments) }
    }
}
