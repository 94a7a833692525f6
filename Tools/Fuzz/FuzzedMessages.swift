import ProtoWire

/// The message types the fuzzer decodes every input as: the runtime contract's example
/// (every field kind, a oneof, maps, a recursive message) and the well-known types whose
/// JSON forms ProtoWire writes by hand.
enum FuzzedMessages {
    static let types: [any ProtoMessage.Type] = [
        Portico_Example_V1_Sample.self,
        Portico_Example_V1_Node.self,
        Google_Protobuf_Timestamp.self,
        Google_Protobuf_Duration.self,
        Google_Protobuf_Struct.self,
        Google_Protobuf_Value.self,
        Google_Protobuf_FieldMask.self,
        Google_Protobuf_Any.self,
        Google_Protobuf_Int64Value.self,
        Google_Protobuf_BytesValue.self,
    ]

    /// Lets `Any` in JSON resolve the example types too, not just the well-known ones.
    static let registry = ProtoTypeRegistry([
        Portico_Example_V1_Sample.self,
        Portico_Example_V1_Node.self,
    ])
}
