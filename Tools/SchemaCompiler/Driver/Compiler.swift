/// The whole compilation as protoc runs it: find the input files under the import
/// roots, load and parse them and everything they import (reporting missing files
/// and import cycles with protoc's wording), then link and check them.
///
/// Every problem lands in the result's diagnostics, sorted; nothing is printed.
public struct Compiler: Sendable {
    /// `-I` directories in search order; the current directory when empty.
    public var importRoots: [String]

    public init(importRoots: [String] = []) {
        self.importRoots = importRoots
    }

    /// Compiles the input files (disk paths under a root, or virtual paths).
    public func compile(_ inputs: [String]) -> Compilation {
        let tree = SourceTree(roots: importRoots)
        var diagnostics = Diagnostics()
        var inputNames: [String] = []
        for input in inputs {
            switch tree.virtualPath(forInput: input) {
            case .success(let name): if !inputNames.contains(name) { inputNames.append(name) }
            case .failure(let diagnostic): diagnostics.error(diagnostic.message, at: diagnostic.location)
            }
        }
        guard !diagnostics.hasErrors else {
            return Compilation(inputNames: [], files: [], diagnostics: diagnostics.sorted)
        }
        return Self.compile(inputNames, reading: tree.read, diagnostics: diagnostics)
    }

    /// Compiles files held in memory, with no file system involved (tests, fuzzing):
    /// `sources` maps virtual paths such as `shelf/book.proto` to their contents;
    /// `inputs` are virtual paths. Imports resolve among `sources`, then to the built-in
    /// `google/protobuf/*.proto` files.
    public static func compile(_ inputs: [String], sources: [String: [UInt8]]) -> Compilation {
        var inputNames: [String] = []
        for input in inputs where !inputNames.contains(input) {
            inputNames.append(input)
        }
        return compile(inputNames, reading: { path in
            sources[path] ?? BuiltInFiles.source(for: path).map { Array($0.utf8) }
        }, diagnostics: Diagnostics())
    }

    /// Loads, parses and links `inputNames` and their imports, read through `read`.
    private static func compile(
        _ inputNames: [String], reading read: @escaping (String) -> [UInt8]?, diagnostics: Diagnostics
    ) -> Compilation {
        var diagnostics = diagnostics
        var loader = FileLoader(read: read)
        for name in inputNames {
            loader.load(name)
        }
        diagnostics.append(contentsOf: loader.diagnostics)
        // protoc warns about unused imports only in inputs that built; a file whose
        // imports failed gets the import errors instead.
        let warnable = Set(inputNames.filter { loader.isLoaded($0) })
        let files = Linker.link(loader.linkOrder, warnUnusedImportsIn: warnable, diagnostics: &diagnostics)
        return Compilation(inputNames: inputNames, files: files, diagnostics: diagnostics.sorted)
    }
}

/// The outcome of a compilation.
public struct Compilation: Sendable {
    /// Descriptor names of the input files, in command-line order.
    public var inputNames: [String]
    /// Every file that could be loaded, each after the files it imports (protoc's
    /// `--include_imports` order).
    public var files: [FileDescriptor]
    /// Errors and warnings, sorted by position.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The input files' descriptors, in command-line order.
    public var inputFiles: [FileDescriptor] {
        inputNames.compactMap { name in files.first { $0.name == name } }
    }

    /// What `--descriptor_set_out` writes: the inputs, or with `includeImports` every
    /// file they depend on too; dependencies first either way, as protoc orders them.
    public func descriptorSet(includeImports: Bool) -> FileDescriptorSet {
        FileDescriptorSet(files: DependencyOrder.files(inputNames, in: files, includeImports: includeImports))
    }
}

extension Diagnostic {
    /// protoc's rendering: `file:line:column: message`, or `file: message` for
    /// problems that have no position (a missing file, a bad command-line path).
    public var protocDescription: String {
        let prefix = location.line > 0 ? "\(location)" : location.file
        let text = severity == .warning ? "warning: \(message)" : message
        return "\(prefix): \(text)"
    }
}
