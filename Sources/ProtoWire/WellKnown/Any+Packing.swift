extension Google_Protobuf_Any {
    /// Packs `message` with the `type.googleapis.com/` URL of its type.
    public init<M: ProtoMessage>(packing message: M) {
        self.init()
        typeUrl = M.protoTypeURL
        value = message.serializedBytes()
    }

    /// True when the type URL names `M`.
    public func isA<M: ProtoMessage>(_ type: M.Type) -> Bool {
        typeUrl.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) == M.protoMessageName
    }

    /// The payload decoded as `M`, or nil when the Any holds another type.
    public func unpack<M: ProtoMessage>(as type: M.Type) throws(ProtoDecodingError) -> M? {
        guard isA(type) else { return nil }
        return try M(serializedBytes: value)
    }
}
