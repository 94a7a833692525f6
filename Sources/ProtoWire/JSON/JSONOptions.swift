/// Switches for writing proto3 JSON.
public struct JSONEncodingOptions: Sendable {
    /// Write fields without presence even when they hold their default value.
    public var emitDefaultValues = false
    /// Use the .proto field names (`by_id`) instead of lowerCamel json names (`byId`).
    public var preserveProtoFieldNames = false
    /// Indent with two spaces, one member per line.
    public var prettyPrint = false
    /// Message types `Any` values may contain.
    public var typeRegistry = ProtoTypeRegistry()

    public init(
        emitDefaultValues: Bool = false, preserveProtoFieldNames: Bool = false,
        prettyPrint: Bool = false, typeRegistry: ProtoTypeRegistry = ProtoTypeRegistry()
    ) {
        self.emitDefaultValues = emitDefaultValues
        self.preserveProtoFieldNames = preserveProtoFieldNames
        self.prettyPrint = prettyPrint
        self.typeRegistry = typeRegistry
    }
}

/// Switches and limits for reading proto3 JSON.
public struct JSONDecodingOptions: Sendable {
    /// Skip unknown object keys and unknown enum names instead of failing.
    public var ignoreUnknownFields = false
    /// How deep messages (and arrays/objects inside `Struct`/`Value` or skipped
    /// values) may nest below the top-level message, as in binary decoding.
    public var recursionLimit = 100
    /// Message types `Any` values may contain.
    public var typeRegistry = ProtoTypeRegistry()

    public init(
        ignoreUnknownFields: Bool = false, recursionLimit: Int = 100,
        typeRegistry: ProtoTypeRegistry = ProtoTypeRegistry()
    ) {
        self.ignoreUnknownFields = ignoreUnknownFields
        self.recursionLimit = recursionLimit
        self.typeRegistry = typeRegistry
    }
}

/// The message types `google.protobuf.Any` may hold, looked up by type URL.
public struct ProtoTypeRegistry: Sendable {
    @usableFromInline
    let typesByName: [String: any ProtoMessage.Type]

    public init(_ types: [any ProtoMessage.Type] = []) {
        var typesByName: [String: any ProtoMessage.Type] = [:]
        for type in types { typesByName[type.protoMessageName] = type }
        self.typesByName = typesByName
    }

    /// The registered type for a URL like `type.googleapis.com/portico.v1.Money`
    /// (anything up to the last `/` is ignored, as protobuf does).
    public func messageType(forTypeURL url: String) -> (any ProtoMessage.Type)? {
        let name = url.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return typesByName[String(name)] ?? WellKnownTypes.byName[String(name)]
    }
}
