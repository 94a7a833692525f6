/// The linker and checker: turns the parsed files of one compilation into the
/// resolved model, resolving every name with protoc's rules and making every check
/// protoc makes after parsing.
public struct Linker {
    /// `files` = every parsed file of the compilation, each after its dependencies
    /// (the driver orders them and has already reported missing imports and cycles).
    /// Returns one `FileDescriptor` per input file, in the same order.
    public static func link(_ files: [AST.File], diagnostics: inout Diagnostics) -> [FileDescriptor] {
        link(files, warnUnusedImportsIn: nil, diagnostics: &diagnostics)
    }

    /// Like `link(_:diagnostics:)`; `warnUnusedImportsIn` names the files to warn
    /// about unused imports for (protoc: only the files named on its command line);
    /// nil means every file.
    public static func link(_ files: [AST.File], warnUnusedImportsIn: Set<String>?, diagnostics: inout Diagnostics) -> [FileDescriptor] {
        let session = LinkSession()
        for ast in files {
            let file = session.makeFile(ast)
            session.files.append(file)
            session.filesByPath[file.path] = file
        }
        // Like protoc, each file is registered and cross-linked before the next one
        // exists, so a file never sees a later file's symbols.
        for file in session.files {
            session.computeVisibility(of: file)
            session.registerSymbols(of: file)
            session.crossLink(file)
        }
        session.files.forEach(session.applyOptions)
        session.files.forEach(session.checkFile)
        for file in session.files where warnUnusedImportsIn?.contains(file.path) ?? true {
            session.warnAboutUnusedImports(file)
        }
        diagnostics.append(contentsOf: session.diagnostics)
        return session.files.map(session.descriptor(of:))
    }
}
