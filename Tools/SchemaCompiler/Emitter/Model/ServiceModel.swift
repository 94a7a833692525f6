/// One service resolved for code generation: its names, its methods' names and Swift
/// types, and the documentation the schema gives them. Built once per service; the
/// metadata, server and client generators all read from it.
struct ServiceModel: Sendable {
    struct Method: Sendable {
        let descriptor: MethodDescriptor
        /// The enum under `Method` holding the method's metadata (`Login`).
        let typeName: String
        /// The handler and client function (`login`), backticked when a keyword.
        let functionName: String
        /// Swift names of the request and response messages.
        let input: String
        let output: String
        let kind: RPCKind
        /// The schema's comment, one entry per line (see `ServiceDocs`).
        let documentation: [String]

        var protoName: String { descriptor.name }
    }

    let descriptor: ServiceDescriptor
    /// `portico.v1.Auth`, as gRPC paths and `GRPCCore.ServiceDescriptor` spell it.
    let fullName: String
    /// The namespace enum (`Portico_V1_Auth`).
    let namespace: String
    /// The static property on `GRPCCore.ServiceDescriptor` (`portico_v1_Auth`).
    let descriptorProperty: String
    let documentation: [String]
    let methods: [Method]
    /// The `.proto` file declaring the service.
    let fileName: String

    init(entry: SwiftTypeTable.ServiceEntry, types: SwiftTypeTable) throws(SwiftEmitterError) {
        descriptor = entry.descriptor
        fullName = String(entry.protoFullName.dropFirst())
        namespace = entry.swiftName
        descriptorProperty = SwiftNaming.serviceDescriptorPropertyName(namespace: entry.swiftName, prefix: entry.prefix)
        documentation = ServiceDocs.commentLines(entry.descriptor.comments)
        fileName = entry.fileName
        // `descriptors` is a member of `Method` too; everything else there is a method.
        var takenTypes: Set<String> = ["descriptors"]
        var takenFunctions: Set<String> = []
        var methods: [Method] = []
        for method in entry.descriptor.methods {
            methods.append(Method(
                descriptor: method,
                typeName: Self.allocate(SwiftNaming.sanitizedTypeName(method.name), taken: &takenTypes),
                functionName: Self.allocateFunction(method.name, taken: &takenFunctions),
                input: try types.message(method.inputType).swiftName,
                output: try types.message(method.outputType).swiftName,
                kind: RPCKind(clientStreaming: method.clientStreaming, serverStreaming: method.serverStreaming),
                documentation: ServiceDocs.commentLines(method.comments)
            ))
        }
        self.methods = methods
    }

    /// Two proto names can give one Swift name (`Get` and `get`); later ones get `_`.
    private static func allocate(_ name: String, taken: inout Set<String>) -> String {
        var name = name
        while taken.contains(name) { name += "_" }
        taken.insert(name)
        return name
    }

    private static func allocateFunction(_ protoName: String, taken: inout Set<String>) -> String {
        var base = SwiftNaming.unquoted(SwiftNaming.quotedServiceMember(SwiftNaming.rpcFunctionBaseName(protoName)))
        while taken.contains(base) { base += "_" }
        taken.insert(base)
        return SwiftNaming.quotedIfKeyword(base)
    }
}

/// The four shapes of an RPC, named as `GRPCCore.MethodDescriptor.RPCType` names them.
enum RPCKind: String, Sendable {
    case unary
    case clientStreaming
    case serverStreaming
    case bidirectionalStreaming

    init(clientStreaming: Bool, serverStreaming: Bool) {
        switch (clientStreaming, serverStreaming) {
        case (false, false): self = .unary
        case (true, false): self = .clientStreaming
        case (false, true): self = .serverStreaming
        case (true, true): self = .bidirectionalStreaming
        }
    }

    var isRequestStreaming: Bool { self == .clientStreaming || self == .bidirectionalStreaming }
    var isResponseStreaming: Bool { self == .serverStreaming || self == .bidirectionalStreaming }
}
