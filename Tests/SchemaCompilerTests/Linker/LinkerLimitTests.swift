import Testing
@testable import SchemaCompiler

/// protoc 3.21's package limits, checked by running protoc: a package of 511
/// characters or 100 dots builds; one more is refused at the `package` statement, and
/// nothing else in the file is reported.
@Suite("Linker: package limits")
struct LinkerLimitTests {
    static func file(package: String) -> String {
        "syntax = \"proto3\";\n\n  package \(package);\nmessage M { Undefined x = 1; }\n"
    }

    @Test func longestAndDeepestPackagesBuild() {
        let longest = LinkerHarness.link(Self.file(package: String(repeating: "a", count: 511)))
        #expect(longest.errors == ["test.proto:4:13: \"Undefined\" is not defined."])
        let deepest = LinkerHarness.link(Self.file(package: Array(repeating: "a", count: 101).joined(separator: ".")))
        #expect(deepest.errors == ["test.proto:4:13: \"Undefined\" is not defined."])
    }

    @Test func packageOfFiveHundredTwelveCharactersIsTooLong() {
        let output = LinkerHarness.link(Self.file(package: String(repeating: "a", count: 512)))
        #expect(output.errors == ["test.proto:3:3: Package name is too long"])
    }

    @Test func packageWithAHundredAndOneDotsIsTooDeep() {
        let output = LinkerHarness.link(Self.file(package: Array(repeating: "a", count: 102).joined(separator: ".")))
        #expect(output.errors == ["test.proto:3:3: Exceeds Maximum Package Depth"])
    }

    /// Length is checked first: 257 one-letter parts are 513 characters.
    @Test func lengthIsCheckedBeforeDepth() {
        let output = LinkerHarness.link(Self.file(package: Array(repeating: "a", count: 257).joined(separator: ".")))
        #expect(output.errors == ["test.proto:3:3: Package name is too long"])
    }

    /// A package of 50,000 parts would otherwise put 50,000 ever longer prefixes in the
    /// symbol table.
    @Test func hugePackageIsRefusedQuickly() {
        let package = (0..<50_000).map { "p\($0)" }.joined(separator: ".")
        let output = LinkerHarness.link(Self.file(package: package))
        #expect(output.errors == ["test.proto:3:3: Package name is too long"])
    }

    /// (protoc also reports `Import "dep.proto" was not found or had errors.`, which
    /// this compiler reports only for imports that failed to parse.)
    @Test func importerOfARefusedFileDoesNotSeeItsDefinitions() {
        let refused = "syntax = \"proto3\";\npackage \(String(repeating: "a", count: 600));\nmessage Dep {}\n"
        let output = LinkerHarness.link(
            "syntax = \"proto3\";\nimport \"dep.proto\";\nmessage M { Dep d = 1; }\n", imports: ["dep.proto": refused])
        #expect(output.errors == [
            "dep.proto:2:1: Package name is too long",
            "test.proto:3:13: \"Dep\" is not defined.",
        ])
    }
}
