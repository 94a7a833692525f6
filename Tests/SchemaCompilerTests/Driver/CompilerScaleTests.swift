import Testing
@testable import SchemaCompiler

/// Valid but extreme input: long import chains and cycles, huge files and literals.
/// Each compiles in memory through `Compiler.compile(_:sources:)`, without crashing
/// and in linear time (a quadratic step would make these tests crawl).
@Suite("Compiler at scale")
struct CompilerScaleTests {
    static func sources(_ texts: [String: String]) -> [String: [UInt8]] {
        texts.mapValues { Array($0.utf8) }
    }

    /// `f0.proto` imports `f1.proto` … imports `f<count-1>.proto`, which imports `f0`
    /// again when `closing`; with `referencing`, each message holds the next file's.
    ///
    /// Chains that fail do without references: protoc reports each reference into a
    /// file that failed, this compiler only those into a file that failed to parse.
    static func importChain(
        _ count: Int, keyword: String = "import", closing: Bool = false, referencing: Bool = true
    ) -> [String: [UInt8]] {
        var files: [String: String] = [:]
        for index in 0..<count {
            let next = closing ? (index + 1) % count : index + 1
            let hasNext = closing || next < count
            files["f\(index).proto"] = """
                syntax = "proto3";
                \(hasNext ? "\(keyword) \"f\(next).proto\";" : "")
                message F\(index) { \(hasNext && referencing ? "F\(next) next = 1;" : "") }
                """
        }
        return sources(files)
    }

    @Test func compilesFromMemoryWithBuiltInImports() {
        let compilation = Compiler.compile(["a.proto", "a.proto"], sources: Self.sources([
            "a.proto": "syntax = \"proto3\";\nimport \"google/protobuf/empty.proto\";\nmessage A { google.protobuf.Empty e = 1; }\n",
        ]))
        #expect(compilation.diagnostics == [])
        #expect(compilation.inputNames == ["a.proto"])
        #expect(compilation.descriptorSet(includeImports: true).files.map(\.name) == ["google/protobuf/empty.proto", "a.proto"])
    }

    @Test func missingInMemoryFileIsNotFound() {
        let compilation = Compiler.compile(["gone.proto"], sources: [:])
        #expect(compilation.diagnostics.map(\.protocDescription) == ["gone.proto: File not found."])
    }

    @Test func importChainOfAThousandFiles() {
        let compilation = Compiler.compile(["f0.proto"], sources: Self.importChain(1_000))
        #expect(compilation.diagnostics == [])
        let names = compilation.descriptorSet(includeImports: true).files.map(\.name)
        #expect(names == (0..<1_000).reversed().map { "f\($0).proto" })
    }

    @Test func publicImportChainOfAThousandFilesMakesTheLastVisibleToTheFirst() {
        var files = Self.importChain(1_000, keyword: "import public")
        files["main.proto"] = Array("syntax = \"proto3\";\nimport \"f0.proto\";\nmessage Main { F999 last = 1; }\n".utf8)
        let compilation = Compiler.compile(["main.proto"], sources: files)
        #expect(compilation.diagnostics == [])
        #expect(compilation.inputFiles.first?.messageTypes.first?.fields.first?.typeName == ".F999")
    }

    @Test func brokenEndOfALongChainFailsEveryImporter() {
        var files = Self.importChain(1_000, referencing: false)
        files["f999.proto"] = Array("syntax = \"proto3\";\nmessage F999 { int32 x = ; }\n".utf8)
        let diagnostics = Compiler.compile(["f0.proto"], sources: files).diagnostics.map(\.protocDescription)
        #expect(diagnostics.count == 1_000)
        #expect(diagnostics.first == "f0.proto:2:1: Import \"f1.proto\" was not found or had errors.")
        #expect(diagnostics.contains("f999.proto:2:26: Expected field number."))
    }

    @Test func importCycleThroughAThousandFiles() {
        let diagnostics = Compiler.compile(["f0.proto"], sources: Self.importChain(1_000, closing: true, referencing: false)).diagnostics
        let cycle = "File recursively imports itself: " + ((0..<1_000).map { "f\($0).proto" } + ["f0.proto"]).joined(separator: " -> ")
        #expect(diagnostics.first?.protocDescription == "f0.proto:2:1: \(cycle)")
        #expect(diagnostics.count == 1_001)
    }

    @Test func fileWithAHundredThousandFields() {
        // Field numbers skip 19000-19999, which protoc reserves for itself.
        let fields = (0..<100_000).map { index in
            "  int32 f\(index) = \(index + (index < 18_999 ? 1 : 1_001));"
        }
        let source = "syntax = \"proto3\";\nmessage M {\n" + fields.joined(separator: "\n") + "\n}\n"
        let compilation = Compiler.compile(["big.proto"], sources: ["big.proto": Array(source.utf8)])
        #expect(compilation.diagnostics == [])
        let message = compilation.inputFiles.first?.messageTypes.first
        #expect(message?.fields.count == 100_000)
        #expect(message?.fields.last?.number == 101_000)
    }

    @Test func tenMegabyteStringLiteral() {
        let package = String(repeating: "a", count: 10_000_000)
        let source = "syntax = \"proto3\";\noption java_package = \"\(package)\";\nmessage M {}\n"
        let compilation = Compiler.compile(["big.proto"], sources: ["big.proto": Array(source.utf8)])
        #expect(compilation.diagnostics == [])
        // FileOptions.java_package (field 1, length-delimited): tag, 4-byte length, text.
        let options = compilation.inputFiles.first?.options ?? []
        #expect(options.prefix(5) == [0x0A, 0x80, 0xAD, 0xE2, 0x04])
        #expect(options.count == 10_000_005)
    }

    @Test func tenThousandMessagesEachHoldingTheNext() {
        let messages = (0..<10_000).map { "message M\($0) { M\(($0 + 1) % 10_000) next = 1; }" }
        let source = "syntax = \"proto3\";\n" + messages.joined(separator: "\n")
        let compilation = Compiler.compile(["chain.proto"], sources: ["chain.proto": Array(source.utf8)])
        #expect(compilation.diagnostics == [])
        #expect(compilation.inputFiles.first?.messageTypes.last?.fields.first?.typeName == ".M0")
    }
}
