import Foundation
import Testing

@testable import SchemaCompiler

/// An `OptionSymbolLookup` over protoc's own descriptors, so option interpretation is
/// tested against real `descriptor.proto` types before the linker exists. Name
/// resolution is protoc's scope walk without import visibility.
struct DescriptorSetLookup: OptionSymbolLookup {
    private var messages: [String: MessageDescriptor] = [:]
    private var enums: [String: EnumDescriptor] = [:]
    private var extensions: [String: FieldDescriptor] = [:]
    private var fields: Set<String> = []

    init(_ set: FileDescriptorSet) {
        for file in set.files {
            file.messageTypes.forEach { index($0) }
            file.enumTypes.forEach { enums[$0.fullName] = $0 }
            file.extensions.forEach { extensions[$0.fullName] = $0 }
        }
    }

    private mutating func index(_ message: MessageDescriptor) {
        messages[message.fullName] = message
        message.nestedTypes.forEach { index($0) }
        message.enumTypes.forEach { enums[$0.fullName] = $0 }
        message.extensions.forEach { extensions[$0.fullName] = $0 }
        message.fields.forEach { fields.insert($0.fullName) }
    }

    func resolveExtension(_ name: String, from scope: String, file: String) -> ExtensionLookup {
        for candidate in candidates(name, scope) {
            if let field = extensions[candidate] { return .found(field) }
            if fields.contains(candidate) { return .notAnExtension(kind: "field") }
            if messages[candidate] != nil { return .notAnExtension(kind: "message") }
        }
        return .notFound
    }

    func message(named fullName: String) -> MessageDescriptor? { messages[fullName] }

    func enumType(named fullName: String) -> EnumDescriptor? { enums[fullName] }

    func resolveType(_ name: String, from scope: String, file: String) -> TypeLookup {
        for candidate in candidates(name, scope) {
            if messages[candidate] != nil { return .message(candidate) }
            if enums[candidate] != nil { return .enumType(candidate) }
        }
        return .notFound
    }

    /// `.a.b.c` + `x.y` → `.a.b.c.x.y`, `.a.b.x.y`, `.a.x.y`, `.x.y`.
    private func candidates(_ name: String, _ scope: String) -> [String] {
        if name.hasPrefix(".") { return [name] }
        var parts = scope.split(separator: ".").map(String.init)
        var result: [String] = []
        while true {
            result.append("." + (parts + [name]).joined(separator: "."))
            if parts.isEmpty { return result }
            parts.removeLast()
        }
    }
}

/// Compiles sources with protoc in a temporary directory.
enum ProtocFixture {
    /// Writes `files`, compiles `main` with imports, and decodes the result.
    static func compile(_ files: [String: String], main: String) async throws -> FileDescriptorSet {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, source) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try source.write(to: url, atomically: true, encoding: .utf8)
        }
        let result = try await Protoc.compile(main, root: directory.path)
        try #require(result.status == 0, "protoc rejected the fixture: \(result.stderr)")
        return try FileDescriptorSet(serializedBytes: result.descriptorSet)
    }
}
