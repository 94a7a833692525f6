import Foundation
import Testing

@testable import SchemaCompiler

/// The registry Tools/generate.jobs writes for Schema/ (`PorticoAPIRegistry`) holds, for
/// every file of the compilation, the exact bytes protoc writes for it, in the order
/// `protoc --include_imports` writes the job's inputs.
@Suite("Registry descriptors")
struct RegistryDescriptorTests {
    @Test func schemaRegistryHoldsProtocsDescriptors() async throws {
        let job = try #require(GenerationJob.load().first { $0.line.contains("ModuleRegistry=PorticoAPIRegistry") })
        let options = try CommandLineOptions(arguments: job.arguments)
        let outputs = try Schemac.swiftOutputs(try Schemac.compile(options), options)
        let registry = try #require(outputs.first { $0.path == "PorticoAPIRegistry.swift" }).contents
        let entries = Self.fileDescriptors(in: registry)

        // The job's inputs in its order: the registry lists files as protoc would for it.
        let root = RepositoryRoot.path("Schema")
        let inputs = options.inputs.map { String($0.dropFirst(root.count + 1)) }
        #expect(inputs.count == 14)
        let reference = try await Protoc.descriptorSet(root: root, files: inputs, includeImports: true)
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = Self.files(of: reference.descriptorSet)
        let expectedNames = try FileDescriptorSet(serializedBytes: reference.descriptorSet).files.map(\.name)
        #expect(entries.map(\.name) == expectedNames)
        #expect(entries.map(\.bytes) == expected)
        #expect(entries.count == 16)
    }

    /// `(name, decoded descriptor)` of each `ProtoFileDescription(...)` in the text.
    static func fileDescriptors(in registry: String) -> [(name: String, bytes: [UInt8])] {
        var entries: [(name: String, bytes: [UInt8])] = []
        var name: String?
        var base64: String?
        for line in registry.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("name: \"") {
                name = String(line.dropFirst("name: \"".count).dropLast(2))
            } else if line == "base64Descriptor: \"\"\"" {
                base64 = ""
            } else if line == "\"\"\"", let text = base64, let fileName = name {
                entries.append((fileName, [UInt8](Data(base64Encoded: text) ?? Data())))
                base64 = nil
            } else if base64 != nil {
                base64! += line.hasSuffix("\\") ? String(line.dropLast()) : line
            }
        }
        return entries
    }

    /// The field-1 entries of a serialized `FileDescriptorSet`.
    static func files(of set: [UInt8]) -> [[UInt8]] {
        var files: [[UInt8]] = []
        var offset = 0
        while offset < set.count, set[offset] == 0x0A {
            offset += 1
            var length = 0
            var shift = 0
            while offset < set.count {
                let byte = set[offset]
                offset += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            files.append(Array(set[offset..<min(offset + length, set.count)]))
            offset += length
        }
        return files
    }
}
