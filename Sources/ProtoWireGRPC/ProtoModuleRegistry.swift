/// What schemac's `--swift_opt=ModuleRegistry=NAME` generates: an enum describing a
/// whole compilation (services, every file's descriptor including imports, and where
/// each symbol lives), so generic servers — gRPC reflection, access checks — take
/// `NAME.self` instead of parsing descriptors.
public protocol ProtoModuleRegistry {
    /// Every service of the compiled files, in file then declaration order.
    static var services: [ProtoServiceDescription] { get }
    /// Every file of the compilation, imports included, each after its dependencies.
    static var fileDescriptors: [ProtoFileDescription] { get }
    /// Full name (no leading dot) → declaring file, for every message, enum, service,
    /// method (`pkg.Service.Method`) and extension, nested ones included.
    static var symbols: [String: String] { get }
    /// Every extension of the compilation.
    static var extensions: [ProtoExtensionDescription] { get }
    /// Full name (no leading dot) → type and fields, for every message of the generated
    /// files, nested ones included (map entries are not messages of their own here).
    static var messages: [String: ProtoMessageDescription] { get }
    /// Full name → value names in declaration order, for every enum of the generated files.
    static var enums: [String: [String]] { get }
}

extension ProtoModuleRegistry {
    /// The file named `name`, if the compilation has it.
    public static func fileDescriptor(named name: String) -> ProtoFileDescription? {
        fileDescriptors.first { $0.name == name }
    }

    /// The file named `name` and every file it imports, directly or not, each after its
    /// own dependencies (the order `protoc --include_imports` writes); empty when the
    /// compilation has no such file.
    public static func fileDescriptorsWithDependencies(of name: String) -> [ProtoFileDescription] {
        let byName = Dictionary(fileDescriptors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var ordered: [ProtoFileDescription] = []
        var seen: Set<String> = []
        var pending: [(file: ProtoFileDescription, nextDependency: Int)] = []
        if let root = byName[name] {
            seen.insert(name)
            pending.append((root, 0))
        }
        while let (file, next) = pending.last {
            guard next < file.dependencies.count else {
                ordered.append(file)
                pending.removeLast()
                continue
            }
            pending[pending.count - 1].nextDependency += 1
            let dependency = file.dependencies[next]
            if let found = byName[dependency], seen.insert(dependency).inserted { pending.append((found, 0)) }
        }
        return ordered
    }
}
