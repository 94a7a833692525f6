import Foundation
import TestSupport
import Testing

/// Runs `Tests/Interop/harness.py` (Python's protobuf runtime) as a child process.
///
/// The Python comes from `PORTICO_PYTHON`, which `Tools/test` sets to the project's
/// `.venv/bin/python` after installing `protobuf` and `grpcio-tools` there. Without it the
/// interop tests fail instead of skipping: a green run must mean the two runtimes agreed.
struct PythonHarness {
    /// What one run printed (stdout and stderr, interleaved) and how it ended.
    struct Run {
        var exitCode: Int32
        var output: String
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    let python: URL
    let script: URL

    /// The harness next to this file's test folder: `Tests/Interop/harness.py`.
    static let scriptURL = URL(filePath: #filePath)
        .deletingLastPathComponent()  // Interop
        .deletingLastPathComponent()  // ProtoWireTests
        .deletingLastPathComponent()  // Tests
        .appending(path: "Interop/harness.py")

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
        script = Self.scriptURL
    }

    /// Runs `harness.py ARGUMENTS…` to completion.
    func run(_ arguments: [String]) async throws -> Run {
        let finished = try await ExternalProgram.run(
            python, [script.path(percentEncoded: false)] + arguments, errorOutput: .mergedIntoOutput
        )
        return Run(exitCode: finished.status, output: finished.outputText)
    }

    /// `generate SEED COUNT DIR`: Python's random messages as `N.bin` and `N.json`.
    func generate(seed: Int, count: Int, into directory: URL) async throws {
        let run = try await run(["generate", String(seed), String(count), directory.path(percentEncoded: false)])
        guard run.exitCode == 0 else {
            throw SetupError(description: "harness.py generate failed (\(run.exitCode)):\n\(run.output)")
        }
    }

    /// `check DIR`: Python parses and re-encodes what Swift wrote; the report lists every
    /// mismatch and ends with `checked N messages, M mismatches`.
    func check(_ directory: URL) async throws -> Run {
        try await run(["check", directory.path(percentEncoded: false)])
    }

    /// `check DIR --against ORIGINAL_DIR`: as `check`, but Python's re-encoding must equal
    /// the original bytes rather than Swift's.
    func check(_ directory: URL, against original: URL) async throws -> Run {
        try await run(["check", directory.path(percentEncoded: false), "--against", original.path(percentEncoded: false)])
    }

    /// `canonicalize INPUT OUTPREFIX`: Python's binary and JSON for one message.
    func canonicalize(_ input: URL) async throws -> (binary: [UInt8], json: String) {
        let prefix = input.deletingPathExtension().path(percentEncoded: false) + ".python"
        let run = try await run(["canonicalize", input.path(percentEncoded: false), prefix])
        guard run.exitCode == 0 else {
            throw SetupError(description: "harness.py canonicalize failed (\(run.exitCode)):\n\(run.output)")
        }
        let binary = try [UInt8](Data(contentsOf: URL(filePath: prefix + ".bin")))
        let json = try String(contentsOf: URL(filePath: prefix + ".json"), encoding: .utf8)
        return (binary, json)
    }
}

/// The message files of one exchange: `N.bin` and `N.json` in a folder.
struct MessageFiles {
    let directory: URL

    init(directory: URL) {
        self.directory = directory
    }

    /// Files in a new folder (the harness creates its own for `generate`).
    init(creating directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
    }

    func binary(_ index: Int) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appending(path: "\(index).bin")))
    }

    func json(_ index: Int) throws -> String {
        try String(contentsOf: directory.appending(path: "\(index).json"), encoding: .utf8)
    }

    func write(_ index: Int, binary: [UInt8], json: String? = nil) throws {
        try Data(binary).write(to: directory.appending(path: "\(index).bin"))
        if let json {
            try Data(json.utf8).write(to: directory.appending(path: "\(index).json"))
        }
    }
}
