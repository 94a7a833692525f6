/// One `.proto` file of a compiled schema: its name, its imports and its serialized
/// `google.protobuf.FileDescriptorProto`, byte for byte what
/// `protoc --descriptor_set_out --include_imports` writes for it (no source info) —
/// what a gRPC reflection server sends.
public struct ProtoFileDescription: Sendable, Hashable {
    /// The file's path as imported, e.g. `"portico/v1/auth.proto"`.
    public var name: String
    /// The files it imports, in declaration order.
    public var dependencies: [String]
    public var serializedDescriptor: [UInt8]

    public init(name: String, dependencies: [String], serializedDescriptor: [UInt8]) {
        self.name = name
        self.dependencies = dependencies
        self.serializedDescriptor = serializedDescriptor
    }

    /// The form generated registries use: the descriptor as base64 text, which
    /// compiles far faster than a byte-array literal of the same size.
    ///
    /// - Precondition: `base64Descriptor` is standard padded base64 (schemac writes
    ///   nothing else; anything else is a hand-edited generated file).
    public init(name: String, dependencies: [String], base64Descriptor: String) {
        guard let bytes = Base64Decoding.decode(base64Descriptor) else {
            preconditionFailure("the generated descriptor of \(name) is not base64")
        }
        self.init(name: name, dependencies: dependencies, serializedDescriptor: bytes)
    }
}

/// An extension field of a compiled schema (custom options included).
public struct ProtoExtensionDescription: Sendable, Hashable {
    /// e.g. `"portico.v1.access"`.
    public var fullName: String
    /// The extended message, e.g. `"google.protobuf.MethodOptions"`.
    public var extendee: String
    public var fieldNumber: Int32
    /// The file declaring the extension.
    public var fileName: String

    public init(fullName: String, extendee: String, fieldNumber: Int32, fileName: String) {
        self.fullName = fullName
        self.extendee = extendee
        self.fieldNumber = fieldNumber
        self.fileName = fileName
    }
}
