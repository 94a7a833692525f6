/// One named thing in the compilation's single namespace (protoc's `Symbol`).
struct Symbol {
    enum Target {
        case package
        case message(MessageNode)
        case enumType(EnumNode)
        case enumValue(EnumValueNode)
        case service(ServiceNode)
        case method(MethodNode)
        case field(FieldNode)
        case oneof(OneofNode)
    }

    var target: Target
    /// The file that defined it (for a package: the first file declaring it).
    var file: String

    /// Messages and enums: what a field may be typed as.
    var isType: Bool {
        switch target {
        case .message, .enumType: true
        default: false
        }
    }

    /// Symbols that have members a dotted name may continue into.
    var isAggregate: Bool {
        switch target {
        case .package, .message, .enumType, .service: true
        default: false
        }
    }

    /// protoc's word for the kind of symbol.
    var kindDescription: String {
        switch target {
        case .package: "package"
        case .message: "message"
        case .enumType: "enum"
        case .enumValue: "enum value"
        case .service: "service"
        case .method: "method"
        case .field(let field): field.isExtension ? "extension" : "field"
        case .oneof: "oneof"
        }
    }
}

/// Every symbol of the compilation by full name (no leading dot), plus protoc's rules
/// for which of them a given file may see.
final class SymbolTable {
    private(set) var symbols: [String: Symbol] = [:]
    /// Each file's package, for the package visibility rule.
    private var packages: [String: String] = [:]

    func symbol(named fullName: String) -> Symbol? {
        symbols[fullName]
    }

    func recordPackage(of file: FileNode) {
        packages[file.path] = file.package
    }

    /// Adds the symbol unless the name is taken; returns what already holds the name.
    func add(_ fullName: String, _ symbol: Symbol) -> Symbol? {
        if let existing = symbols[fullName] { return existing }
        symbols[fullName] = symbol
        return nil
    }

    /// protoc's `AddPackage`: every component of a package is a symbol, and it may
    /// only clash with another package.
    func addPackage(_ name: String, file: FileNode, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let existing = symbols[name] {
            if case .package = existing.target { return }
            diagnostics.error(
                "\"\(name)\" is already defined (as something other than a package) in file \"\(existing.file)\".",
                at: location)
            return
        }
        symbols[name] = Symbol(target: .package, file: file.path)
        if let dot = name.lastIndex(of: ".") {
            addPackage(String(name[..<dot]), file: file, at: location, diagnostics: &diagnostics)
        }
    }
}

/// What a name lookup found, and why not when it found nothing.
struct LookupOutcome {
    var symbol: Symbol?
    /// A symbol with the name exists but lives in a file that is not imported.
    var undeclaredDependency: (name: String, file: String)?
    /// A dotted name whose first part resolved, but not the rest (no backtracking).
    var unresolvedName: String?
}

extension SymbolTable {
    /// protoc's `FindSymbol`: the symbol if `file` may see it.
    func find(_ name: String, from file: FileNode, outcome: inout LookupOutcome) -> Symbol? {
        guard let symbol = symbols[name] else { return nil }
        if symbol.file == file.path || file.visibleFiles.contains(symbol.file) {
            file.unusedImports.remove(symbol.file)
            return symbol
        }
        if case .package = symbol.target {
            // A package may be declared by several files; any visible one will do.
            for visible in file.visibleFiles where Self.isInPackage(packages[visible] ?? "", name) {
                return symbol
            }
        }
        outcome.undeclaredDependency = (name, symbol.file)
        return nil
    }

    /// protoc's `LookupSymbolNoPlaceholder`. `relativeTo` is the full name of the
    /// element whose reference is resolved (its last component is dropped first).
    /// The first component of a dotted name is searched from the innermost scope
    /// outward; the rest is then resolved inside what was found, with no backtracking.
    func lookup(_ name: String, relativeTo: String, typesOnly: Bool, from file: FileNode) -> LookupOutcome {
        var outcome = LookupOutcome()
        if name.hasPrefix(".") {
            outcome.symbol = find(String(name.dropFirst()), from: file, outcome: &outcome)
            return outcome
        }
        let firstPart = name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? name
        var scope = relativeTo
        while true {
            guard let dot = scope.lastIndex(of: ".") else {
                outcome.symbol = find(name, from: file, outcome: &outcome)
                return outcome
            }
            scope = String(scope[..<dot])
            let candidate = scope + "." + firstPart
            if let found = find(candidate, from: file, outcome: &outcome) {
                if firstPart.count < name.count {
                    if found.isAggregate {
                        let full = scope + "." + name
                        outcome.symbol = find(full, from: file, outcome: &outcome)
                        if outcome.symbol == nil { outcome.unresolvedName = full }
                        return outcome
                    }
                } else if !typesOnly || found.isType {
                    outcome.symbol = found
                    return outcome
                }
            }
        }
    }

    static func isInPackage(_ package: String, _ name: String) -> Bool {
        package == name || package.hasPrefix(name + ".")
    }
}
