import Foundation
import Testing
@testable import SchemaCompiler

/// ProtoWire's own well-known types are this emitter's output for the compiler's
/// built-in `google/protobuf/*.proto` files (`EmitWellKnownTypes=true`).
@Suite("Well-known types generation")
struct WellKnownTypesGenerationTests {
    static let files = [
        "google/protobuf/any.proto", "google/protobuf/duration.proto", "google/protobuf/empty.proto",
        "google/protobuf/field_mask.proto", "google/protobuf/struct.proto",
        "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto",
    ]

    static func generate() throws -> [SwiftEmitter.Output] {
        var linked: [FileDescriptor] = []
        for name in files {
            let output = LinkerHarness().link(name)
            linked.append(contentsOf: output.files.filter { file in !linked.contains { $0.name == file.name } })
        }
        let generate = linked.filter { files.contains($0.name) }
        let options = try SwiftEmitterOptions(parameters: [("EmitWellKnownTypes", "true"), ("FileNaming", "PathToUnderscores")])
        return try SwiftEmitter.emit(generate: generate, allFiles: linked, options: options)
    }

    @Test func emitsEveryFileIntoProtoWireWithoutSpecialJSON() throws {
        let outputs = try Self.generate()
        #expect(outputs.map(\.path) == [
            "google_protobuf_any.pb.swift", "google_protobuf_duration.pb.swift", "google_protobuf_empty.pb.swift",
            "google_protobuf_field_mask.pb.swift", "google_protobuf_struct.pb.swift",
            "google_protobuf_timestamp.pb.swift", "google_protobuf_wrappers.pb.swift",
        ])
        for output in outputs {
            #expect(!output.contents.contains("import"))
            #expect(!output.contents.contains("protoEncodeJSON"))
            #expect(!output.contents.contains("_protoJSONFields"))
        }
        if let directory = ProcessInfo.processInfo.environment["PORTICO_EMITTER_WKT_OUT"] {
            for output in outputs {
                try output.contents.write(toFile: directory + "/" + output.path, atomically: true, encoding: .utf8)
            }
        }
    }
}
