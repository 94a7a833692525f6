import Foundation
import SchemaCompiler
import Testing

/// The interop tests' Swift types (Tests/ProtoWireTests/Generated/interop.pb.swift) are
/// schemac's output for Tests/Interop/interop.proto; regenerating must change nothing, so
/// the committed file never drifts from the schema or from the emitter.
@Suite("Interop generated code")
struct InteropGeneratedCodeTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Interop
        .deletingLastPathComponent()  // SchemaCompilerTests
        .deletingLastPathComponent()  // Tests

    @Test func committedFileIsUpToDate() throws {
        let schemaDirectory = Self.testsDirectory.appendingPathComponent("Interop")
        let committed = Self.testsDirectory
            .appendingPathComponent("ProtoWireTests/Generated/interop.pb.swift")
        let outputDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portico-interop-swift-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputDirectory) }

        var errors: [String] = []
        // Google's well-known .proto files come from libprotobuf-dev, which Tools/test installs.
        let status = Schemac.run(arguments: [
            "-I", schemaDirectory.path, "-I", "/usr/include",
            "--swift_out=\(outputDirectory.path)",
            schemaDirectory.appendingPathComponent("interop.proto").path,
        ]) { errors.append($0) }

        #expect(status == 0, "\(errors)")
        let regenerated = try String(
            contentsOf: outputDirectory.appendingPathComponent("interop.pb.swift"), encoding: .utf8)
        let expected = try String(contentsOf: committed, encoding: .utf8)
        #expect(regenerated == expected, """
            Tests/ProtoWireTests/Generated/interop.pb.swift is stale; regenerate it with
            swift run schemac -I Tests/Interop -I /usr/include \
            --swift_out=Tests/ProtoWireTests/Generated Tests/Interop/interop.proto
            """)
    }
}
