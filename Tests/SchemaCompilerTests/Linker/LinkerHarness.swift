import Foundation
@testable import SchemaCompiler

/// Parses a set of files (imports first, `google/protobuf/*` from the built-in
/// sources) and links them, the way the driver will.
struct LinkerHarness {
    /// Source text by import path; anything missing is looked up under `root`.
    var sources: [String: String] = [:]
    var root: String?

    struct Output {
        var files: [FileDescriptor]
        var diagnostics: [Diagnostic]

        var errors: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
        var warnings: [String] { diagnostics.filter { $0.severity == .warning }.map(\.description) }
        func file(_ name: String) -> FileDescriptor? { files.first { $0.name == name } }
    }

    /// Links `main` and everything it imports; `commandLine` files get unused-import
    /// warnings, like the files protoc is given.
    func link(_ main: String) -> Output {
        var diagnostics = Diagnostics()
        var ordered: [AST.File] = []
        var visiting: Set<String> = []
        load(main, into: &ordered, visiting: &visiting, diagnostics: &diagnostics)
        let files = Linker.link(ordered, warnUnusedImportsIn: [main], diagnostics: &diagnostics)
        return Output(files: files, diagnostics: diagnostics.sorted)
    }

    private func load(_ path: String, into ordered: inout [AST.File], visiting: inout Set<String>, diagnostics: inout Diagnostics) {
        guard !ordered.contains(where: { $0.path == path }), visiting.insert(path).inserted,
              let text = source(for: path)
        else { return }
        let file = Parser.parse(source: Array(text.utf8), path: path, diagnostics: &diagnostics)
        for case .import(let declaration) in file.statements {
            load(declaration.path, into: &ordered, visiting: &visiting, diagnostics: &diagnostics)
        }
        ordered.append(file)
    }

    private func source(for path: String) -> String? {
        if let text = sources[path] { return text }
        if let root, let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) { return text }
        return BuiltInFiles.source(for: path)
    }
}

extension LinkerHarness {
    /// Links one file named `test.proto`.
    static func link(_ text: String, imports: [String: String] = [:]) -> Output {
        var sources = imports
        sources["test.proto"] = text
        return LinkerHarness(sources: sources).link("test.proto")
    }
}
