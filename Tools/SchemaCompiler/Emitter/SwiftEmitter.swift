/// Generates Swift source for the ProtoWire runtime from resolved descriptors: one
/// `.pb.swift` file per `.proto` file, plus a `.grpc.swift` file (grpc-swift-2 service
/// code) beside it for every `.proto` file that declares services.
public struct SwiftEmitter {
    /// One generated Swift file.
    public typealias Output = (path: String, contents: String)

    /// Emits one output per file of `generate`, in order.
    ///
    /// `allFiles` is every file of the compilation (imports included) so fields can name
    /// types declared elsewhere; files of `generate` missing from it are added.
    /// `google/protobuf/*` files are skipped (ProtoWire already holds the well-known
    /// types) unless `options.emitWellKnownTypes` is set.
    public static func emit(
        generate: [FileDescriptor], allFiles: [FileDescriptor], options: SwiftEmitterOptions
    ) throws(SwiftEmitterError) -> [Output] {
        var files = allFiles
        let known = Set(allFiles.map(\.name))
        files.append(contentsOf: generate.filter { !known.contains($0.name) })
        let context = EmitterContext(files: files, options: options)
        let emitted = generate.filter { options.emitWellKnownTypes || !ProtoPaths.isBuiltIn($0.name) }
        try checkRegistryNamesAreUnique(emitted, options: options)
        var outputs: [Output] = []
        for file in emitted {
            let contents = try FileGenerator(file: file, context: context).generate()
            let path = ProtoPaths.swiftPath(for: file.name, naming: options.fileNaming, prefix: options.filePrefix)
            outputs.append((path: path, contents: contents))
            guard !file.services.isEmpty else { continue }
            let services = try ServiceFileGenerator(file: file, context: context).generate()
            let servicesPath = ProtoPaths.swiftPath(
                for: file.name, naming: options.fileNaming, prefix: options.filePrefix, suffix: ".grpc.swift")
            outputs.append((path: servicesPath, contents: services))
        }
        if let registry = options.moduleRegistry {
            let ordered = DependencyOrder.files(generate.map(\.name), in: files, includeImports: true)
            let contents = try ModuleRegistryGenerator(name: registry, generated: emitted, files: ordered, context: context).generate()
            outputs.append((path: registry + ".swift", contents: contents))
        }
        return outputs
    }

    /// Different paths can give one registry name (`a_b.proto`, `aB.proto`); two such
    /// files with messages would not compile together, so say why up front.
    private static func checkRegistryNamesAreUnique(
        _ files: [FileDescriptor], options: SwiftEmitterOptions
    ) throws(SwiftEmitterError) {
        var fileByRegistry: [String: String] = [:]
        for file in files where !file.messageTypes.isEmpty {
            let name = FileRegistryGenerator.name(for: file, options: options)
            if let other = fileByRegistry[name] {
                throw SwiftEmitterError("\(other) and \(file.name) would both declare the message registry \(name); rename one of the files")
            }
            fileByRegistry[name] = file.name
        }
    }
}

/// Everything a generator needs besides its own descriptor.
struct EmitterContext: Sendable {
    let options: SwiftEmitterOptions
    let types: SwiftTypeTable

    init(files: [FileDescriptor], options: SwiftEmitterOptions) {
        self.options = options
        // Types of files other modules provide (the well-known types, mapped files)
        // keep their own names; the prefix is for this module's types.
        self.types = SwiftTypeTable(files: files) { file in
            let isElsewhere = options.moduleMappings[file.name] != nil || ProtoPaths.isBuiltIn(file.name)
            return isElsewhere ? "" : options.typePrefix ?? ""
        }
    }

    /// `public `, `package ` or nothing.
    var visibility: String { options.visibility.declarationPrefix }

    /// The Swift module holding a proto file's generated types, when known: an explicit
    /// mapping, else ProtoWire for the well-known types it provides.
    func module(forProtoFile name: String) -> String? {
        if let module = options.moduleMappings[name] { return module }
        return ProtoPaths.isBuiltIn(name) ? ProtoPaths.runtimeModule : nil
    }
}

/// Facts about proto file paths.
enum ProtoPaths {
    static let runtimeModule = "ProtoWire"

    /// Files whose types ProtoWire provides.
    static func isBuiltIn(_ protoPath: String) -> Bool {
        protoPath.hasPrefix("google/protobuf/")
    }

    /// `a/b/c.proto` → `a/b/c.pb.swift`, `a_b_c.pb.swift` or `c.pb.swift`, with
    /// `prefix` before the file name (and `suffix` in place of `.pb.swift`).
    static func swiftPath(
        for protoPath: String, naming: SwiftEmitterOptions.FileNaming, prefix: String = "",
        suffix: String = ".pb.swift"
    ) -> String {
        var base = Substring(protoPath)
        if base.hasSuffix(".proto") { base = base.dropLast(".proto".count) }
        let path = swiftPath(base: base, naming: naming) + suffix
        let folderEnd = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return path[..<folderEnd] + prefix + path[folderEnd...]
    }

    private static func swiftPath(base: Substring, naming: SwiftEmitterOptions.FileNaming) -> String {
        switch naming {
        case .fullPath:
            return String(base)
        case .pathToUnderscores:
            return base.replacingSlashes(with: "_")
        case .dropPath:
            return base.split(separator: "/").last.map(String.init) ?? String(base)
        }
    }
}

extension Substring {
    fileprivate func replacingSlashes(with replacement: Character) -> String {
        String(map { $0 == "/" ? replacement : $0 })
    }
}
