/// The linker's symbol table as option interpretation sees it.
///
/// `scope` arguments are protoc's name scope: the full name (leading dot) of the
/// element whose options are interpreted; the search starts in its parent.
final class LinkedSymbolLookup: OptionSymbolLookup {
    private unowned let session: LinkSession
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
        let name = String(fullName.drop { $0 == "." })
        let owner = session.symbols.symbol(named: name) != nil ? session : session.builtInDescriptor
        guard let owner, let symbol = owner.symbols.symbol(named: name), case .message(let node) = symbol.target
        else { return nil }
        let descriptor = owner.descriptor(of: node)
        messageCache[fullName] = descriptor
        return descriptor
    }

    func enumType(named fullName: String) -> EnumDescriptor? {
        let name = String(fullName.drop { $0 == "." })
        let owner = session.symbols.symbol(named: name) != nil ? session : session.builtInDescriptor
        guard let owner, let symbol = owner.symbols.symbol(named: name), case .enumType(let node) = symbol.target
        else { return nil }
        return owner.descriptor(of: node)
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

    private static func relativeTo(_ scope: String) -> String {
        scope.hasPrefix(".") ? String(scope.dropFirst()) : scope
    }
}
