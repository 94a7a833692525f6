import Foundation
import Testing
@testable import SchemaCompiler

/// The built-in `google/protobuf/*.proto` sources compile cleanly to exactly the
/// descriptors protoc makes of its own copies.
@Suite struct BuiltInFilesTests {
    @Test func pathsAreTheWellKnownTypesAndDescriptor() {
        #expect(BuiltInFiles.paths == [
            "google/protobuf/any.proto", "google/protobuf/api.proto", "google/protobuf/descriptor.proto",
            "google/protobuf/duration.proto", "google/protobuf/empty.proto", "google/protobuf/field_mask.proto",
            "google/protobuf/source_context.proto", "google/protobuf/struct.proto",
            "google/protobuf/timestamp.proto", "google/protobuf/type.proto", "google/protobuf/wrappers.proto",
        ])
        #expect(BuiltInFiles.source(for: "google/protobuf/nothing.proto") == nil)
    }

    /// Byte for byte, options included: reflection serves these descriptors (a
    /// generated module registry holds every imported file's), and clients compare them
    /// with protoc's.
    @Test(arguments: BuiltInFiles.paths)
    func matchesProtocByteForByte(_ path: String) async throws {
        let output = LinkerHarness().link(path)
        #expect(output.diagnostics.isEmpty)
        let ours = try #require(output.file(path))
        let reference = try await Protoc.compile(path, root: Protoc.includeDirectory)
        let theirs = try #require(try FileDescriptorSet(serializedBytes: reference.descriptorSet).files.first { $0.name == path })
        #expect(ours.debugText == theirs.debugText)
        #expect(ours.serializedBytes() == theirs.serializedBytes())
    }
}
