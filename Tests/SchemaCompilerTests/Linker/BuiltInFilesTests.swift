import Foundation
import Testing
@testable import SchemaCompiler

/// The built-in `google/protobuf/*.proto` sources compile cleanly and declare the same
/// types as protoc's copies (options may differ; everything else must not).
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

    @Test(arguments: BuiltInFiles.paths)
    func matchesProtocTypes(_ path: String) throws {
        let output = LinkerHarness().link(path)
        #expect(output.diagnostics.isEmpty)
        let ours = try #require(output.file(path))
        let reference = try Protoc.compile(path, root: Protoc.includeDirectory)
        let theirs = try #require(try FileDescriptorSet(serializedBytes: reference.descriptorSet).files.first { $0.name == path })
        #expect(Self.typeLevel(ours) == Self.typeLevel(theirs))
    }

    /// The descriptor without any options messages.
    static func typeLevel(_ file: FileDescriptor) -> String {
        var file = file
        file.options = nil
        file.messageTypes = file.messageTypes.map(withoutOptions)
        return file.debugText
    }

    static func withoutOptions(_ message: MessageDescriptor) -> MessageDescriptor {
        var message = message
        if !message.isMapEntry { message.options = nil }
        message.nestedTypes = message.nestedTypes.map(withoutOptions)
        message.fields = message.fields.map { field in
            var field = field
            field.options = nil
            return field
        }
        message.enumTypes = message.enumTypes.map { enumType in
            var enumType = enumType
            enumType.options = nil
            enumType.values = enumType.values.map { value in
                var value = value
                value.options = nil
                return value
            }
            return enumType
        }
        return message
    }
}
