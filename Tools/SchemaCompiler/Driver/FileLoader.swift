/// Loads files depth-first through their imports the way protoc's descriptor pool
/// does, so errors and the dependencies-first order match protoc's.
struct FileLoader {
    /// A file's bytes by virtual path; nil when there is no such file.
    let read: (String) -> [UInt8]?
    private(set) var diagnostics = Diagnostics()
    /// Parsed files, each after everything it imports (cycles excepted), for linking.
    private(set) var linkOrder: [AST.File] = []
    private var states: [String: State] = [:]
    /// Files being loaded, outermost first (protoc's pending files).
    private var stack: [String] = []
    private var onStack: Set<String> = []
    /// The imports of every parsed file, to place cycle errors.
    private var importsByFile: [String: [AST.ImportDeclaration]] = [:]

    private enum State {
        case loaded
        case failed
    }

    init(read: @escaping (String) -> [UInt8]?) {
        self.read = read
    }

    /// Whether `name` and everything it imports loaded and parsed cleanly.
    func isLoaded(_ name: String) -> Bool { states[name] == .loaded }

    /// A file whose imports are being loaded.
    private struct PendingFile {
        let name: String
        let file: AST.File
        let imports: [AST.ImportDeclaration]
        var nextImport = 0
        var importsLoaded = true
    }

    /// The first step of loading a file: either its outcome is already known, or it
    /// parsed and its imports are next.
    private enum Start {
        case finished(loaded: Bool)
        case pending(PendingFile)
    }

    /// Loads `name` and its imports; false when it, or anything it imports, failed.
    ///
    /// Depth-first through the imports as protoc goes, with an explicit stack of
    /// pending files rather than recursion, so a chain of thousands of imports cannot
    /// exhaust the call stack.
    @discardableResult
    mutating func load(_ name: String) -> Bool {
        var pending: [PendingFile]
        switch start(name) {
        case .finished(let loaded): return loaded
        case .pending(let file): pending = [file]
        }
        var lastOutcome = true
        while !pending.isEmpty {
            let top = pending.count - 1
            let imports = pending[top].imports
            guard pending[top].nextImport < imports.count else {
                lastOutcome = finish(pending.removeLast())
                if let parent = pending.indices.last { record(lastOutcome, ofImportIn: &pending[parent]) }
                continue
            }
            pending[top].nextImport += 1
            switch start(imports[pending[top].nextImport - 1].path) {
            case .finished(let loaded): record(loaded, ofImportIn: &pending[top])
            case .pending(let file): pending.append(file)
            }
        }
        return lastOutcome
    }

    /// Reads and parses a file not seen before, or tells what is known about it.
    private mutating func start(_ name: String) -> Start {
        if let state = states[name] { return .finished(loaded: state == .loaded) }
        if onStack.contains(name), let index = stack.firstIndex(of: name) {
            reportCycle(from: index, closing: name)
            return .finished(loaded: false)
        }
        guard let source = read(name) else {
            diagnostics.error("File not found.", at: SourceLocation(file: name, line: 0, column: 0))
            states[name] = .failed
            return .finished(loaded: false)
        }
        var parseDiagnostics = Diagnostics()
        let file = Parser.parse(source: source, path: name, diagnostics: &parseDiagnostics)
        diagnostics.append(contentsOf: parseDiagnostics)
        guard !parseDiagnostics.hasErrors else {
            states[name] = .failed
            return .finished(loaded: false)
        }
        stack.append(name)
        onStack.insert(name)
        importsByFile[name] = file.imports
        return .pending(PendingFile(name: name, file: file, imports: file.imports))
    }

    /// The import just loaded (the last one started) of `importer`.
    private mutating func record(_ loaded: Bool, ofImportIn importer: inout PendingFile) {
        guard !loaded else { return }
        let declaration = importer.imports[importer.nextImport - 1]
        diagnostics.error("Import \"\(declaration.path)\" was not found or had errors.", at: declaration.location)
        importer.importsLoaded = false
    }

    /// All imports are done: the file is ready to link.
    private mutating func finish(_ pending: PendingFile) -> Bool {
        stack.removeLast()
        onStack.remove(pending.name)
        // Like protoc, a file whose imports failed is still linked (and may report more
        // errors); importers just see it as failed.
        linkOrder.append(pending.file)
        states[pending.name] = pending.importsLoaded ? .loaded : .failed
        return pending.importsLoaded
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
