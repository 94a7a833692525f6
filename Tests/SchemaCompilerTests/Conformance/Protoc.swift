import Foundation
import TestSupport
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

    static var executable: URL? { ExternalProgram.find("protoc") }

    /// `protoc -I root -I /usr/include --include_imports --descriptor_set_out=… file`.
    static func compile(_ file: String, root: String) async throws -> Result {
        try await run(root: root, arguments: ["-I", root, "-I", includeDirectory, "--include_imports"], files: [file])
    }

    /// `protoc -I root [--include_imports] --descriptor_set_out=… files…` run in `root`.
    static func descriptorSet(root: String, files: [String], includeImports: Bool) async throws -> Result {
        let extra = includeImports ? ["--include_imports"] : []
        return try await run(root: root, arguments: ["-I", root] + extra, files: files)
    }

    private static func run(root: String, arguments: [String], files: [String]) async throws -> Result {
        guard let executable else {
            Issue.record("protoc is not installed: the conformance tests need protoc 3.21 on PATH")
            throw CocoaError(.fileNoSuchFile)
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-ref-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let finished = try await ExternalProgram.run(
            executable, arguments + ["--descriptor_set_out=\(output.path)"] + files,
            in: URL(fileURLWithPath: root)
        )
        let bytes = finished.status == 0 ? (try? Data(contentsOf: output)) ?? Data() : Data()
        return Result(status: finished.status, stderr: finished.errorText, descriptorSet: [UInt8](bytes))
    }
}
