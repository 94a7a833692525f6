extension LinkSession {
    /// Interprets one element's options with the options interpreter, which resolves
    /// names through this session's symbol table. `scope` is the element's full name
    /// with a leading dot (protoc's name scope; lookups start in its parent).
    func interpretOptions(_ declarations: [AST.OptionDeclaration], for target: OptionTarget,
                          scope: String, file: FileNode, forceEmpty: Bool = false) -> InterpretedOptions {
        if optionsInterpreter == nil {
            optionsInterpreter = OptionsInterpreter(lookup: LinkedSymbolLookup(session: self))
        }
        return optionsInterpreter!.interpret(
            declarations, for: target, scope: scope, file: file.path, forceEmpty: forceEmpty,
            diagnostics: &diagnostics)
    }

    /// protoc interprets standard options with its own copy of `descriptor.proto`
    /// when the compilation does not include it; this is ours, linked on its own so
    /// its symbols never clash with or become visible to the compiled files.
    static func linkBuiltInDescriptor() -> LinkSession? {
        let path = "google/protobuf/descriptor.proto"
        guard let source = BuiltInFiles.source(for: path) else { return nil }
        let session = LinkSession()
        let ast = Parser.parse(source: Array(source.utf8), path: path, diagnostics: &session.diagnostics)
        let file = session.makeFile(ast)
        session.files = [file]
        session.filesByPath[path] = file
        session.computeVisibility(of: file)
        session.registerSymbols(of: file)
        session.crossLink(file)
        return session
    }
}
