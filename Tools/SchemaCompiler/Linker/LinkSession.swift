/// The state of one `Linker.link` run: the working tree of every file, the symbol
/// table they share, and the diagnostics found so far.
final class LinkSession {
    let symbols = SymbolTable()
    var files: [FileNode] = []
    var filesByPath: [String: FileNode] = [:]
    var diagnostics = Diagnostics()
    /// Every extension by extendee and number, across files.
    var extensionsByNumber: [String: [Int32: FieldNode]] = [:]
    /// Created on first use; it keeps state across the elements of the compilation.
    var optionsInterpreter: OptionsInterpreter?
    /// The built-in `descriptor.proto`, linked separately, when the compilation does
    /// not include it (standard options are still interpreted against it).
    lazy var builtInDescriptor: LinkSession? = filesByPath["google/protobuf/descriptor.proto"] == nil
        ? LinkSession.linkBuiltInDescriptor() : nil

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.warning(message, at: location)
    }

    /// protoc's `AddSymbol`, with its wording for each kind of clash. Returns whether
    /// the name was free.
    @discardableResult
    func define(_ fullName: String, _ target: Symbol.Target, in file: FileNode, at location: SourceLocation) -> Bool {
        guard let existing = symbols.add(fullName, Symbol(target: target, file: file.path)) else { return true }
        if existing.file != file.path {
            error("\"\(fullName)\" is already defined in file \"\(existing.file)\".", at: location)
        } else if let dot = fullName.lastIndex(of: ".") {
            let name = fullName[fullName.index(after: dot)...]
            error("\"\(name)\" is already defined in \"\(fullName[..<dot])\".", at: location)
        } else {
            error("\"\(fullName)\" is already defined.", at: location)
        }
        return false
    }

    /// protoc's `AddNotDefinedError`: explains a failed lookup.
    func reportUndefined(_ written: String, _ outcome: LookupOutcome, in file: FileNode, at location: SourceLocation) {
        if outcome.undeclaredDependency == nil && outcome.unresolvedName == nil {
            error("\"\(written)\" is not defined.", at: location)
            return
        }
        if let (name, definingFile) = outcome.undeclaredDependency {
            error("\"\(name)\" seems to be defined in \"\(definingFile)\", which is not imported by \"\(file.path)\".  To use it here, please add the necessary import.", at: location)
        }
        if let resolved = outcome.unresolvedName {
            error("\"\(written)\" is resolved to \"\(resolved)\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \".\(written)\") to start from the outermost scope.", at: location)
        }
    }
}

/// Joins a scope and a name the way protoc builds full names.
func qualified(_ scope: String, _ name: String) -> String {
    scope.isEmpty ? name : scope + "." + name
}
