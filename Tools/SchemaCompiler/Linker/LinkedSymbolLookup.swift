/// The linker's symbol table as option interpretation sees it.
///
/// `scope` arguments are where protoc starts searching: the element's parent scope
/// with a leading dot (".pkg", ".pkg.Msg"), or "" for the root.
final class LinkedSymbolLookup: OptionSymbolLookup {
    private let session: LinkSession
    private var messageCache: [String: MessageDescriptor] = [:]

    init(session: LinkSession) {
        self.session = session
    }

    func resolveExtension(_ name: String, from scope: String, file: String) -> ExtensionLookup {
        guard let fileNode = session.filesByPath[file] else { return .notFound }
        let outcome = session.symbols.lookup(name, relativeTo: Self.relativeTo(scope), typesOnly: false, from: fileNode)
        guard let symbol = outcome.symbol else {
            if let (_, definingFile) = outcome.undeclaredDependency { return .notVisible(definedIn: definingFile) }
            return .notFound
        }
        guard case .field(let field) = symbol.target, field.isExtension else {
            return .notAnExtension(kind: symbol.kindDescription)
        }
        return .found(session.descriptor(of: field))
    }

    func message(named fullName: String) -> MessageDescriptor? {
        if let cached = messageCache[fullName] { return cached }
        guard let symbol = session.symbols.symbol(named: String(fullName.drop { $0 == "." })),
              case .message(let node) = symbol.target
        else { return nil }
        let descriptor = session.descriptor(of: node)
        messageCache[fullName] = descriptor
        return descriptor
    }

    func enumType(named fullName: String) -> EnumDescriptor? {
        guard let symbol = session.symbols.symbol(named: String(fullName.drop { $0 == "." })),
              case .enumType(let node) = symbol.target
        else { return nil }
        return session.descriptor(of: node)
    }

    func resolveType(_ name: String, from scope: String, file: String) -> TypeLookup {
        guard let fileNode = session.filesByPath[file] else { return .notFound }
        let outcome = session.symbols.lookup(name, relativeTo: Self.relativeTo(scope), typesOnly: true, from: fileNode)
        guard let symbol = outcome.symbol else { return .notFound }
        switch symbol.target {
        case .message(let node): return .message("." + node.fullName)
        case .enumType(let node): return .enumType("." + node.fullName)
        default: return .other(kind: symbol.kindDescription)
        }
    }

    /// protoc resolves relative to an element's full name and drops its last
    /// component first; a placeholder component turns a scope into that form.
    private static func relativeTo(_ scope: String) -> String {
        let trimmed = scope.hasPrefix(".") ? String(scope.dropFirst()) : scope
        return trimmed.isEmpty ? "_" : trimmed + "._"
    }
}
