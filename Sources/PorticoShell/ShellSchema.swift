public import GRPCCore
public import PorticoAPI
public import ProtoWireGRPC

/// What the shell knows about the API, all of it from the generated registry: services,
/// methods, message fields and access rules. Nothing here is a hand-written list, so a
/// method added to the schema is callable, describable and completable at once.
public struct ShellSchema: Sendable {
    /// A method found by name, with the service that declares it.
    public struct Method: Sendable {
        public var service: ProtoServiceDescription
        public var method: ProtoMethodDescription

        /// `Service/Method` with the service's name as the shell shows it.
        public var displayName: String
    }

    public let services: [ProtoServiceDescription]
    public let messages: [String: ProtoMessageDescription]
    public let enums: [String: [String]]
    public let access: [MethodDescriptor: Portico_V1_AccessRule]

    public init(
        services: [ProtoServiceDescription], messages: [String: ProtoMessageDescription],
        enums: [String: [String]], access: [MethodDescriptor: Portico_V1_AccessRule]
    ) {
        self.services = services
        self.messages = messages
        self.enums = enums
        self.access = access
    }

    /// Portico's API as `PorticoAPIRegistry` describes it.
    public static let portico = ShellSchema(
        services: PorticoAPIRegistry.services, messages: PorticoAPIRegistry.messages,
        enums: PorticoAPIRegistry.enums, access: PorticoAPIRegistry.access
    )

    /// The name the shell shows and accepts first for a service: the last component of
    /// its full name (`Operator`), or the full name when that is ambiguous (the v1 and
    /// v1alpha `ServerReflection`).
    public func displayName(of service: ProtoServiceDescription) -> String {
        let short = service.descriptor.service
        let sameShortName = services.filter { $0.descriptor.service == short }.count
        return sameShortName == 1 ? short : service.descriptor.fullyQualifiedService
    }

    /// A service by full name or unambiguous short name (`Operator`,
    /// `portico.v1.Operator`); the short name is matched case-insensitively too.
    public func service(named name: String) -> ProtoServiceDescription? {
        if let exact = services.first(where: { $0.descriptor.fullyQualifiedService == name }) { return exact }
        let short = services.filter { $0.descriptor.service == name }
        if short.count == 1 { return short[0] }
        let folded = services.filter { $0.descriptor.service.lowercased() == name.lowercased() }
        return folded.count == 1 ? folded[0] : nil
    }

    /// `Service/Method` or `Service.Method` (the service by full or short name).
    public func method(named name: String) -> Method? {
        let separator: Character = name.contains("/") ? "/" : "."
        guard let split = name.lastIndex(of: separator) else { return nil }
        let methodName = name[name.index(after: split)...]
        guard let service = service(named: String(name[..<split])),
            let method = service.methods.first(where: { $0.descriptor.method == methodName })
                ?? service.methods.first(where: { $0.descriptor.method.lowercased() == methodName.lowercased() })
        else { return nil }
        return Method(service: service, method: method, displayName: displayName(of: service) + "/" + method.descriptor.method)
    }

    /// Every method, in service then declaration order.
    public var allMethods: [Method] {
        services.flatMap { service in
            service.methods.map { method in
                Method(service: service, method: method, displayName: displayName(of: service) + "/" + method.descriptor.method)
            }
        }
    }
}
