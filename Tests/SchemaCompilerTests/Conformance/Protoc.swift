import Foundation
import Testing

/// Runs the real `protoc` for reference output. Tests require it (the test command
/// installs it); a missing binary is a loud failure, never a skipped comparison.
enum Protoc {
    struct Result {
        var status: Int32
        var stderr: String
        /// The `--descriptor_set_out` bytes; empty when protoc failed.
        var descriptorSet: [UInt8]
    }

    /// Where Google's own `google/protobuf/*.proto` files are installed with protoc.
    static let includeDirectory = ProcessInfo.processInfo.environment["PROTO_INCLUDE"] ?? "/usr/include"

    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("protoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// `protoc -I root -I /usr/include --include_imports --descriptor_set_out=… file`.
    static func compile(_ file: String, root: String) throws -> Result {
        guard let executable else {
            Issue.record("protoc is not installed: the conformance tests need protoc 3.21 on PATH")
            throw CocoaError(.fileNoSuchFile)
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-ref-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.arguments = [
            "-I", root, "-I", includeDirectory, "--include_imports",
            "--descriptor_set_out=\(output.path)", file,
        ]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let stderr = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let bytes = process.terminationStatus == 0 ? (try? Data(contentsOf: output)) ?? Data() : Data()
        return Result(
            status: process.terminationStatus,
            stderr: String(decoding: stderr, as: UTF8.self),
            descriptorSet: [UInt8](bytes))
    }

    /// `protoc -I root [--include_imports] --descriptor_set_out=… files…` run in `root`.
    static func descriptorSet(root: String, files: [String], includeImports: Bool) throws -> Result {
        let extra = includeImports ? ["--include_imports"] : []
        return try run(root: root, arguments: ["-I", root] + extra, files: files)
    }

    private static func run(root: String, arguments: [String], files: [String]) throws -> Result {
        guard let executable else {
            Issue.record("protoc is not installed: the conformance tests need protoc 3.21 on PATH")
            throw CocoaError(.fileNoSuchFile)
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-ref-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.arguments = arguments + ["--descriptor_set_out=\(output.path)"] + files
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let stderr = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let bytes = process.terminationStatus == 0 ? (try? Data(contentsOf: output)) ?? Data() : Data()
        return Result(
            status: process.terminationStatus,
            stderr: String(decoding: stderr, as: UTF8.self),
            descriptorSet: [UInt8](bytes))
    }
}
