public import GRPCCore

/// A gRPC service of a compiled schema, as a generated module registry lists it: its
/// descriptor, the file declaring it and its methods. Lets code that works on any
/// service (reflection, access checks, logging) do so without parsing descriptors.
public struct ProtoServiceDescription: Sendable, Hashable {
    public var descriptor: ServiceDescriptor
    /// The `.proto` file declaring the service, e.g. `"portico/v1/auth.proto"`.
    public var fileName: String
    /// In declaration order.
    public var methods: [ProtoMethodDescription]

    public init(descriptor: ServiceDescriptor, fileName: String, methods: [ProtoMethodDescription]) {
        self.descriptor = descriptor
        self.fileName = fileName
        self.methods = methods
    }
}

/// One method of a `ProtoServiceDescription`.
public struct ProtoMethodDescription: Sendable, Hashable {
    /// The same descriptor (with its RPC type) the generated service registers.
    public var descriptor: MethodDescriptor
    /// Full proto name of the request message, without a leading dot
    /// (`"portico.v1.LoginRequest"`).
    public var inputType: String
    /// Full proto name of the response message.
    public var outputType: String
    public var isClientStreaming: Bool
    public var isServerStreaming: Bool

    public init(
        descriptor: MethodDescriptor, inputType: String, outputType: String,
        isClientStreaming: Bool, isServerStreaming: Bool
    ) {
        self.descriptor = descriptor
        self.inputType = inputType
        self.outputType = outputType
        self.isClientStreaming = isClientStreaming
        self.isServerStreaming = isServerStreaming
    }
}
