import Foundation
import Testing
@testable import SchemaCompiler

/// Reads golden files next to this test.
enum EmitterGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// The runtime's compiled copy of the contract golden: generated code must match it
    /// byte for byte, so ProtoWire's tests exercise exactly what the emitter writes.
    static let runtimeContract = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ProtoWireTests/Contract/Generated/contract-example.pb.swift")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The first line where `actual` and `expected` differ, for a readable failure.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of golden>"
            if got != want { return "line \(index + 1):\n  got:  \(got)\n  want: \(want)" }
        }
        return nil
    }
}

@Suite("Emitter golden files")
struct EmitterGoldenTests {
    private func emitContractExample() throws -> [SwiftEmitter.Output] {
        try SwiftEmitter.emit(
            generate: [ContractExampleDescriptors.file],
            allFiles: [ContractExampleDescriptors.timestampFile, ContractExampleDescriptors.file],
            options: SwiftEmitterOptions()
        )
    }

    @Test func contractExampleMatchesTheGolden() throws {
        let outputs = try emitContractExample()
        #expect(outputs.map(\.path) == ["contract-example.pb.swift"])
        let golden = try EmitterGolden.read("contract-example.pb.swift.golden")
        let actual = try #require(outputs.first).contents
        #expect(EmitterGolden.firstDifference(actual, golden) == nil)
        #expect(actual == golden)
    }

    @Test func contractExampleMatchesTheRuntimeCopy() throws {
        let runtimeCopy = try String(contentsOf: EmitterGolden.runtimeContract, encoding: .utf8)
        let actual = try #require(try emitContractExample().first).contents
        #expect(EmitterGolden.firstDifference(actual, runtimeCopy) == nil)
    }

    @Test func builtInFilesAreSkippedUnlessRequested() throws {
        let files = [ContractExampleDescriptors.timestampFile]
        #expect(try SwiftEmitter.emit(generate: files, allFiles: files, options: SwiftEmitterOptions()).isEmpty)
        var options = SwiftEmitterOptions()
        options.emitWellKnownTypes = true
        let outputs = try SwiftEmitter.emit(generate: files, allFiles: files, options: options)
        #expect(outputs.map(\.path) == ["google/protobuf/timestamp.pb.swift"])
        let contents = try #require(outputs.first).contents
        #expect(!contents.contains("import ProtoWire"))
        #expect(contents.contains("public struct Google_Protobuf_Timestamp: ProtoMessage {"))
        #expect(!contents.contains("protoEncodeJSON"))
        #expect(!contents.contains("_protoJSONFields"))
    }
}

@Suite("Emitter on parsed schemas")
struct EmitterPipelineTests {
    @Test func contractExampleThroughParserAndLinkerMatchesTheGolden() throws {
        let linked = LinkerHarness(root: EmitterGolden.folder.path).link("contract-example.proto")
        #expect(linked.errors == [])
        let file = try #require(linked.file("contract-example.proto"))
        let outputs = try SwiftEmitter.emit(generate: [file], allFiles: linked.files, options: SwiftEmitterOptions())
        let golden = try EmitterGolden.read("contract-example.pb.swift.golden")
        let actual = try #require(outputs.first).contents
        #expect(EmitterGolden.firstDifference(actual, golden) == nil)
    }

    /// The emitter's own schemas of tricky cases (`Golden/Cases`).
    static let emitterCases: [CorpusCase] = {
        let root = EmitterGolden.folder.appendingPathComponent("Cases").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { $0.hasSuffix(".proto") }.sorted().map {
            CorpusCase(root: root, file: $0, name: "emitter_" + $0.dropLast(".proto".count))
        }
    }()

    /// Every valid conformance case (and every emitter case) emits without error, and
    /// emitting twice gives the same bytes. With `PORTICO_EMITTER_OUT=<dir>` set, the
    /// outputs are also written to `<dir>/<case>/…` (one type prefix per case) for a
    /// compile check.
    @Test(arguments: Corpus.cases("valid") + emitterCases)
    func conformanceCaseEmitsDeterministically(_ corpusCase: CorpusCase) throws {
        let linked = LinkerHarness(root: corpusCase.root).link(corpusCase.file)
        #expect(linked.errors == [])
        let generate = linked.files.filter { !$0.name.hasPrefix("google/protobuf/") }
        var options = try SwiftEmitterOptions(parameters: [("FileNaming", "PathToUnderscores")])
        options.typePrefix = "C_" + corpusCase.name.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + "_"
        let first = try SwiftEmitter.emit(generate: generate, allFiles: linked.files, options: options)
        let second = try SwiftEmitter.emit(generate: generate, allFiles: linked.files, options: options)
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
        // A `.pb.swift` per file, and a `.grpc.swift` beside it for files with services.
        #expect(first.count == generate.count + generate.filter { !$0.services.isEmpty }.count)
        for output in first {
            #expect(!output.contents.contains(" \n"))
            #expect(output.contents.hasSuffix("\n") && !output.contents.hasSuffix("\n\n"))
        }
        if let directory = ProcessInfo.processInfo.environment["PORTICO_EMITTER_OUT"] {
            let caseDirectory = URL(fileURLWithPath: directory).appendingPathComponent(corpusCase.name)
            try FileManager.default.createDirectory(at: caseDirectory, withIntermediateDirectories: true)
            for output in first {
                try output.contents.write(to: caseDirectory.appendingPathComponent(output.path), atomically: true, encoding: .utf8)
            }
        }
    }
}

/// Each emitter case (`Golden/Cases/NAME.proto`) has its expected output next to it
/// (`NAME.pb.swift.golden`); `PORTICO_UPDATE_GOLDENS=1` rewrites them after a deliberate
/// change (then review the diff).
@Suite("Emitter case goldens")
struct EmitterCaseGoldenTests {
    @Test(arguments: EmitterPipelineTests.emitterCases)
    func caseMatchesItsGolden(_ emitterCase: CorpusCase) throws {
        let linked = LinkerHarness(root: emitterCase.root).link(emitterCase.file)
        #expect(linked.errors == [])
        let file = try #require(linked.file(emitterCase.file))
        let output = try #require(try SwiftEmitter.emit(generate: [file], allFiles: linked.files, options: SwiftEmitterOptions()).first)
        let goldenPath = emitterCase.root + "/" + emitterCase.file.dropLast(".proto".count) + ".pb.swift.golden"
        if ProcessInfo.processInfo.environment["PORTICO_UPDATE_GOLDENS"] == "1" {
            try output.contents.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(EmitterGolden.firstDifference(output.contents, golden) == nil)
    }
}
