public import Foundation

/// Runs another program (protoc, Python, tmux…) to completion for a test, without
/// blocking Swift's concurrency pool.
///
/// Swift Testing runs every suite of the test process in parallel on that pool, and it is
/// only as wide as the machine has cores: on a 2-core CI machine two tests blocked in
/// `waitUntilExit` stall every other test, so their timers and database leases fire
/// seconds late. The blocking wait happens on a thread of its own instead.
public enum ExternalProgram {
    public struct Finished: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        public var output: Data
        public var errorOutput: Data

        public var outputText: String { String(decoding: output, as: UTF8.self) }
        public var errorText: String { String(decoding: errorOutput, as: UTF8.self) }
    }

    /// Standard error goes to its own buffer, or into standard output, interleaved as the
    /// program wrote them.
    public enum ErrorOutput: Sendable {
        case separate
        case mergedIntoOutput
    }

    /// Runs `executable ARGUMENTS` with no standard input and returns once it exited.
    /// Its output goes through files, not pipes: nothing it writes can fill a pipe buffer
    /// and block it while nobody reads.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        errorOutput: ErrorOutput = .separate
    ) async throws -> Finished {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try runBlocking(executable, arguments, in: directory, errorOutput: errorOutput)
                })
            }
            thread.name = "ExternalProgram \(executable.lastPathComponent)"
            thread.start()
        }
    }

    /// One of the package's own executables (`portico-server`, `portico-shell`): the
    /// path in the environment variable `override` when set, else the first folder
    /// holding one on the way up from the test binary (`.build/debug/` on Linux, where
    /// the test bundle is a file of that folder; further up inside an .xctest bundle).
    public static func built(_ name: String, override: String) throws -> URL {
        if let path = ProcessInfo.processInfo.environment[override], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw NotBuilt(description: """
            no \(name) executable near \(testBinary): build it with \
            `swift build --build-tests` (or set \(override))
            """)
    }

    /// `built` found no such executable.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String
    }

    /// The first executable file named `name` in the folders of `PATH`.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private static func runBlocking(
        _ executable: URL, _ arguments: [String], in directory: URL?, errorOutput: ErrorOutput
    ) throws -> Finished {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("portico-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = try emptyFile(folder.appendingPathComponent("stdout"))
        let errorFile = try emptyFile(folder.appendingPathComponent("stderr"))

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputFile.handle
        process.standardError = errorOutput == .separate ? errorFile.handle : outputFile.handle
        try process.run()
        process.waitUntilExit()
        try outputFile.handle.close()
        try errorFile.handle.close()

        let status = process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
        return Finished(
            status: status,
            output: try Data(contentsOf: outputFile.url),
            errorOutput: try Data(contentsOf: errorFile.url)
        )
    }

    private static func emptyFile(_ url: URL) throws -> (url: URL, handle: FileHandle) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return (url, try FileHandle(forWritingTo: url))
    }
}
