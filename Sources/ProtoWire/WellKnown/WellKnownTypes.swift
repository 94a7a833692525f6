/// The well-known message types every `ProtoTypeRegistry` knows for `Any`.
enum WellKnownTypes {
    static let byName: [String: any ProtoMessage.Type] = {
        let types: [any ProtoMessage.Type] = [
            Google_Protobuf_Timestamp.self,
        ]
        var byName: [String: any ProtoMessage.Type] = [:]
        for type in types { byName[type.protoMessageName] = type }
        return byName
    }()
}
