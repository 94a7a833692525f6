/// The Swift name of every message and enum of a compilation, keyed by proto full name
/// (with the leading dot), plus the per-message facts generators share.
///
/// Built once from every file so a field can name a type declared in any other file.
struct SwiftTypeTable: Sendable {
    struct MessageEntry: Sendable {
        var descriptor: MessageDescriptor
        /// The Swift name from module scope, e.g. `Portico_V1_Sample.Inner`.
        var swiftName: String
        /// The name declared inside its parent (or at top level), e.g. `Inner`.
        var relativeName: String
        var protoFullName: String
        var fileName: String
        var members: MessageMemberNames
    }

    struct EnumEntry: Sendable {
        var descriptor: EnumDescriptor
        var swiftName: String
        var relativeName: String
        var protoFullName: String
        var fileName: String
        var caseNames: EnumCaseNames
    }

    /// A service's generated namespace enum (see `ServiceModel`).
    struct ServiceEntry: Sendable {
        var descriptor: ServiceDescriptor
        /// The namespace enum, e.g. `Portico_V1_Auth`.
        var swiftName: String
        /// The part of `swiftName` before the service's own name, e.g. `Portico_V1_`.
        var prefix: String
        var protoFullName: String
        var fileName: String
    }

    private(set) var messages: [String: MessageEntry] = [:]
    private(set) var enums: [String: EnumEntry] = [:]
    private(set) var services: [String: ServiceEntry] = [:]
    /// Messages whose fields live in a copy-on-write `_Storage` class (see
    /// `StorageDecision`).
    private(set) var messagesUsingStorage: Set<String> = []

    /// `typePrefix` gives the extra prefix of a file's top-level names (see
    /// `SwiftEmitterOptions.typePrefix`).
    init(files: [FileDescriptor], typePrefix: (FileDescriptor) -> String = { _ in "" }) {
        for file in files {
            let package = file.package ?? ""
            let prefix = typePrefix(file) + SwiftNaming.packagePrefix(package)
            let scope = Scope(protoPrefix: package.isEmpty ? "." : ".\(package).", swiftPrefix: "", fileName: file.name)
            var taken: Set<String> = []
            for message in file.messageTypes {
                let name = Self.allocate(SwiftNaming.sanitizedTypeName(prefix + message.name), taken: &taken)
                addMessage(message, relativeName: name, scope: scope)
            }
            for enumType in file.enumTypes {
                let name = Self.allocate(SwiftNaming.sanitizedTypeName(prefix + enumType.name), taken: &taken)
                addEnum(enumType, relativeName: name, scope: scope)
            }
            // Services share the module scope with messages and enums; allocating them
            // last keeps every message and enum name what it was before services existed.
            for service in file.services {
                let name = Self.allocate(SwiftNaming.sanitizedTypeName(prefix + service.name), taken: &taken)
                let protoFullName = scope.protoPrefix + service.name
                services[protoFullName] = ServiceEntry(
                    descriptor: service, swiftName: name, prefix: prefix, protoFullName: protoFullName,
                    fileName: file.name)
            }
        }
        messagesUsingStorage = StorageDecision.messagesInCycles(messages.mapValues(\.descriptor))
    }

    /// Where a declaration sits: the proto and Swift names of its parent.
    private struct Scope {
        var protoPrefix: String
        var swiftPrefix: String
        var fileName: String
    }

    private mutating func addMessage(_ message: MessageDescriptor, relativeName: String, scope: Scope) {
        let protoFullName = scope.protoPrefix + message.name
        let swiftName = scope.swiftPrefix + relativeName
        let members = MessageMemberNames(message: message)
        messages[protoFullName] = MessageEntry(
            descriptor: message, swiftName: swiftName, relativeName: relativeName,
            protoFullName: protoFullName, fileName: scope.fileName, members: members
        )
        let inner = Scope(protoPrefix: protoFullName + ".", swiftPrefix: swiftName + ".", fileName: scope.fileName)
        var taken = members.taken
        for nested in message.nestedTypes {
            let name = Self.allocate(SwiftNaming.sanitizedTypeName(nested.name), taken: &taken)
            addMessage(nested, relativeName: name, scope: inner)
        }
        for nested in message.enumTypes {
            let name = Self.allocate(SwiftNaming.sanitizedTypeName(nested.name), taken: &taken)
            addEnum(nested, relativeName: name, scope: inner)
        }
    }

    private mutating func addEnum(_ enumType: EnumDescriptor, relativeName: String, scope: Scope) {
        let protoFullName = scope.protoPrefix + enumType.name
        enums[protoFullName] = EnumEntry(
            descriptor: enumType, swiftName: scope.swiftPrefix + relativeName, relativeName: relativeName,
            protoFullName: protoFullName, fileName: scope.fileName, caseNames: EnumCaseNames(enumType)
        )
    }

    private static func allocate(_ name: String, taken: inout Set<String>) -> String {
        var name = name
        while taken.contains(name) { name += "_" }
        taken.insert(name)
        return name
    }

    func message(_ protoFullName: String) throws(SwiftEmitterError) -> MessageEntry {
        guard let entry = messages[protoFullName] else {
            throw SwiftEmitterError("unknown message type '\(protoFullName)'")
        }
        return entry
    }

    func enumType(_ protoFullName: String) throws(SwiftEmitterError) -> EnumEntry {
        guard let entry = enums[protoFullName] else {
            throw SwiftEmitterError("unknown enum type '\(protoFullName)'")
        }
        return entry
    }

    func service(_ protoFullName: String) throws(SwiftEmitterError) -> ServiceEntry {
        guard let entry = services[protoFullName] else {
            throw SwiftEmitterError("unknown service '\(protoFullName)'")
        }
        return entry
    }

    func usesStorage(_ protoFullName: String) -> Bool {
        messagesUsingStorage.contains(protoFullName)
    }
}
