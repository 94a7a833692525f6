/// The well-known message types: every `ProtoTypeRegistry` knows them, and inside an
/// `Any` their special JSON form goes under `"value"`.
enum WellKnownTypes {
    static let byName: [String: any ProtoMessage.Type] = {
        let types: [any ProtoMessage.Type] = [
            Google_Protobuf_Any.self, Google_Protobuf_Duration.self, Google_Protobuf_Empty.self,
            Google_Protobuf_FieldMask.self, Google_Protobuf_Struct.self, Google_Protobuf_Value.self,
            Google_Protobuf_ListValue.self, Google_Protobuf_Timestamp.self,
            Google_Protobuf_DoubleValue.self, Google_Protobuf_FloatValue.self,
            Google_Protobuf_Int64Value.self, Google_Protobuf_UInt64Value.self,
            Google_Protobuf_Int32Value.self, Google_Protobuf_UInt32Value.self,
            Google_Protobuf_BoolValue.self, Google_Protobuf_StringValue.self,
            Google_Protobuf_BytesValue.self,
        ]
        var byName: [String: any ProtoMessage.Type] = [:]
        for type in types { byName[type.protoMessageName] = type }
        return byName
    }()

    /// Names of the types whose JSON is not a plain object of their fields: inside an Any
    /// their JSON goes under `"value"`. Empty is `{}`, a plain (empty) object, so an Any
    /// inlines it like any message, as protobuf's own JSON printers do.
    static let withSpecialJSONForm: Set<String> = Set(byName.keys).subtracting(["google.protobuf.Empty"])
}
