import Foundation
import TestSupport

/// Runs `Tests/Interop/conformance_harness.py` (Python's protobuf runtime, generic over
/// the corpus' descriptors) as a child process.
///
/// The Python comes from `PORTICO_PYTHON`, which `Tools/test` points at the project's
/// `.venv/bin/python` with `protobuf` installed; `protoc` (3.21) must be on PATH. Without
/// them the tests fail instead of skipping: a green run must mean the runtimes agreed.
struct ConformanceHarness {
    /// What one run printed (stdout and stderr, interleaved) and how it ended.
    struct Run {
        var exitCode: Int32
        var output: String
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent()  // ConformanceTypesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let script = repositoryRoot.appending(path: "Tests/Interop/conformance_harness.py")
    /// The corpus' valid cases, as `Tools/generate.jobs` reads them.
    static let corpus = repositoryRoot.appending(path: "Tests/SchemaCompilerTests/Corpus/valid")

    let python: URL

    init() throws {
        guard let path = ProcessInfo.processInfo.environment["PORTICO_PYTHON"], !path.isEmpty else {
            throw SetupError(description: """
                PORTICO_PYTHON is not set. Run the tests with Tools/test, which installs \
                Python protobuf into .venv/ and points PORTICO_PYTHON at .venv/bin/python.
                """)
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SetupError(description: "PORTICO_PYTHON=\(path) is not an executable file")
        }
        python = URL(filePath: path)
    }

    /// Runs `conformance_harness.py ARGUMENTS…` to completion.
    func run(_ arguments: [String]) async throws -> Run {
        let finished = try await ExternalProgram.run(
            python, [Self.script.path(percentEncoded: false)] + arguments, errorOutput: .mergedIntoOutput
        )
        return Run(exitCode: finished.status, output: finished.outputText)
    }

    /// `generate CORPUS SEED DIR [--case NAME]…`: Python's messages of every type of
    /// every case (or the named ones), and the manifest listing them.
    func generate(seed: Int, into directory: URL, cases: [String] = []) async throws -> Manifest {
        let arguments = ["generate", Self.corpus.path(percentEncoded: false), String(seed),
                         directory.path(percentEncoded: false)] + cases.flatMap { ["--case", $0] }
        let run = try await run(arguments)
        guard run.exitCode == 0 else {
            throw SetupError(description: "conformance_harness.py generate failed (\(run.exitCode)):\n\(run.output)")
        }
        return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: directory.appending(path: "manifest.json")))
    }

    /// `check PYTHONDIR SWIFTDIR`: Python parses what Swift wrote for each of its
    /// messages; the report lists every mismatch and ends with
    /// `checked M messages of T types in C cases, F mismatches`.
    func check(python: URL, swift: URL) async throws -> Run {
        try await run(["check", python.path(percentEncoded: false), swift.path(percentEncoded: false)])
    }
}

/// `manifest.json` of `generate`: per case and message type, how many messages there
/// are and which may hold a NaN.
struct Manifest: Decodable {
    struct Entry: Decodable {
        var count: Int
        var nan: [Int]
    }

    var cases: [String: [String: Entry]]
}

/// Where `generate` and Swift put the files of one message type: `CASE/FULL_NAME/N.bin`
/// and `N.json`.
struct MessageFolder {
    let url: URL

    init(_ root: URL, caseName: String, messageName: String) {
        url = root.appending(path: caseName).appending(path: messageName)
    }

    func binary(_ index: Int) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url.appending(path: "\(index).bin")))
    }

    func json(_ index: Int) throws -> String {
        try String(contentsOf: url.appending(path: "\(index).json"), encoding: .utf8)
    }

    func write(_ index: Int, binary: [UInt8]? = nil, json: String? = nil) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let binary { try Data(binary).write(to: url.appending(path: "\(index).bin")) }
        if let json { try Data(json.utf8).write(to: url.appending(path: "\(index).json")) }
    }
}

