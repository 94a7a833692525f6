/// The well-known message types, which every `ProtoTypeRegistry` knows, taken from
/// their generated files' registries.
enum WellKnownTypes {
    static let byName: [String: any ProtoMessage.Type] = {
        let types = [
            Google_Protobuf_Any_ProtoFile.messageTypes, Google_Protobuf_Duration_ProtoFile.messageTypes,
            Google_Protobuf_Empty_ProtoFile.messageTypes, Google_Protobuf_FieldMask_ProtoFile.messageTypes,
            Google_Protobuf_Struct_ProtoFile.messageTypes, Google_Protobuf_Timestamp_ProtoFile.messageTypes,
            Google_Protobuf_Wrappers_ProtoFile.messageTypes,
        ].joined()
        var byName: [String: any ProtoMessage.Type] = [:]
        for type in types { byName[type.protoMessageName] = type }
        return byName
    }()

    /// Names of the types whose JSON is not a plain object of their fields: inside an Any
    /// their JSON goes under `"value"`. Empty is `{}`, a plain (empty) object, so an Any
    /// inlines it like any message, as protobuf's own JSON printers do.
    static let withSpecialJSONForm: Set<String> = Set(byName.keys).subtracting(["google.protobuf.Empty"])
}
