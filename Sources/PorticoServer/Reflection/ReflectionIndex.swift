import GRPCCore
import ProtoWireGRPC

/// What a reflection request asks, independent of the protocol version.
enum ReflectionQuery: Sendable, Equatable {
    case fileByFilename(String)
    case fileContainingSymbol(String)
    case fileContainingExtension(containingType: String, number: Int32)
    case allExtensionNumbersOfType(String)
    case listServices
}

/// The answer to one reflection request, independent of the protocol version.
enum ReflectionAnswer: Sendable, Equatable {
    /// Serialized FileDescriptorProtos: the file asked for first, then its imports.
    case files([[UInt8]])
    case extensionNumbers(baseType: String, numbers: [Int32])
    case services([String])
    case error(RPCError.Code, String)
}

/// Answers gRPC server reflection from the registry schemac generates: every file's
/// descriptor (imports included) and where each symbol lives, so nothing is parsed
/// at run time.
struct ReflectionIndex: Sendable {
    let services: [String]
    let files: [String: ProtoFileDescription]
    /// Each file with its transitive imports, each after its own dependencies; worked
    /// out once here, so the index holds values rather than the registry's metatype.
    let closures: [String: [ProtoFileDescription]]
    let symbols: [String: String]
    let extensions: [ProtoExtensionDescription]

    init<Registry: ProtoModuleRegistry>(_ registry: Registry.Type) {
        services = registry.services.map(\.descriptor.fullyQualifiedService).sorted()
        files = Dictionary(registry.fileDescriptors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        closures = files.mapValues { Registry.fileDescriptorsWithDependencies(of: $0.name) }
        symbols = registry.symbols
        extensions = registry.extensions
    }

    func answer(_ query: ReflectionQuery) -> ReflectionAnswer {
        switch query {
        case .listServices:
            return .services(services)
        case .fileByFilename(let name):
            guard files[name] != nil else { return .error(.notFound, "file not found: \(name)") }
            return .files(withDependencies(name))
        case .fileContainingSymbol(let symbol):
            guard let file = file(declaring: symbol) else { return .error(.notFound, "symbol not found: \(symbol)") }
            return .files(withDependencies(file))
        case .fileContainingExtension(let containingType, let number):
            let type = Self.trimmed(containingType)
            guard let match = extensions.first(where: { $0.extendee == type && $0.fieldNumber == number }) else {
                return .error(.notFound, "extension not found: \(type) field \(number)")
            }
            return .files(withDependencies(match.fileName))
        case .allExtensionNumbersOfType(let type):
            let trimmed = Self.trimmed(type)
            guard symbols[trimmed] != nil else { return .error(.notFound, "type not found: \(trimmed)") }
            let numbers = extensions.filter { $0.extendee == trimmed }.map(\.fieldNumber).sorted()
            return .extensionNumbers(baseType: trimmed, numbers: numbers)
        }
    }

    /// The file declaring `symbol`. Fields and enum values are not in the symbol table;
    /// they live in the file of the type that contains them, so a miss retries with
    /// the enclosing name.
    private func file(declaring symbol: String) -> String? {
        var name = Self.trimmed(symbol)
        while !name.isEmpty {
            if let file = symbols[name] { return file }
            guard let dot = name.lastIndex(of: ".") else { return nil }
            name = String(name[..<dot])
        }
        return nil
    }

    /// The file and everything it imports, the file itself first: clients such as
    /// grpcurl and grpcio-reflection add all of them to their descriptor pool.
    private func withDependencies(_ name: String) -> [[UInt8]] {
        let dependenciesFirst = closures[name] ?? []
        let requested = dependenciesFirst.filter { $0.name == name }
        let imports = dependenciesFirst.filter { $0.name != name }
        return (requested + imports).map(\.serializedDescriptor)
    }

    private static func trimmed(_ name: String) -> String {
        name.hasPrefix(".") ? String(name.dropFirst()) : name
    }
}
