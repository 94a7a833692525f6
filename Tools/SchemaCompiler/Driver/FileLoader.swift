/// Loads files depth-first through their imports the way protoc's descriptor pool
/// does, so errors and the dependencies-first order match protoc's.
struct FileLoader {
    let tree: SourceTree
    private(set) var diagnostics = Diagnostics()
    /// Parsed files, each after everything it imports (cycles excepted), for linking.
    private(set) var linkOrder: [AST.File] = []
    private var states: [String: State] = [:]
    /// Files being loaded, outermost first (protoc's pending files).
    private var stack: [String] = []
    /// The imports of every parsed file, to place cycle errors.
    private var importsByFile: [String: [AST.ImportDeclaration]] = [:]

    private enum State {
        case loaded
        case failed
    }

    init(tree: SourceTree) {
        self.tree = tree
    }

    /// Whether `name` and everything it imports loaded and parsed cleanly.
    func isLoaded(_ name: String) -> Bool { states[name] == .loaded }

    /// Loads `name` and its imports; false when it, or anything it imports, failed.
    @discardableResult
    mutating func load(_ name: String) -> Bool {
        if let state = states[name] { return state == .loaded }
        if let index = stack.firstIndex(of: name) {
            reportCycle(from: index, closing: name)
            return false
        }
        guard let source = tree.read(name) else {
            diagnostics.error("File not found.", at: SourceLocation(file: name, line: 0, column: 0))
            states[name] = .failed
            return false
        }
        var parseDiagnostics = Diagnostics()
        let file = Parser.parse(source: source, path: name, diagnostics: &parseDiagnostics)
        diagnostics.append(contentsOf: parseDiagnostics)
        guard !parseDiagnostics.hasErrors else {
            states[name] = .failed
            return false
        }
        stack.append(name)
        importsByFile[name] = file.imports
        var importsLoaded = true
        for declaration in file.imports where !load(declaration.path) {
            diagnostics.error(
                "Import \"\(declaration.path)\" was not found or had errors.", at: declaration.location)
            importsLoaded = false
        }
        stack.removeLast()
        // Like protoc, a file whose imports failed is still linked (and may report more
        // errors); importers just see it as failed.
        linkOrder.append(file)
        states[name] = importsLoaded ? .loaded : .failed
        return importsLoaded
    }

    /// protoc reports a cycle on its first file, at that file's import of the next
    /// file in the chain.
    private mutating func reportCycle(from index: Int, closing name: String) {
        let chain = stack[index...] + [name]
        let next = index + 1 < stack.count ? stack[index + 1] : name
        let site = importsByFile[name]?.first { $0.path == next }
        diagnostics.error(
            "File recursively imports itself: " + chain.joined(separator: " -> "),
            at: site?.location ?? SourceLocation(file: name, line: 0, column: 0))
    }
}

extension AST.File {
    /// The import statements, in source order.
    var imports: [AST.ImportDeclaration] {
        statements.compactMap { statement in
            if case .import(let declaration) = statement { return declaration }
            return nil
        }
    }
}
