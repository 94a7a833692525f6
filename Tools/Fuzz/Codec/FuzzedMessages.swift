import ProtoWire

/// The message types the fuzzer decodes every input as: the runtime contract's example
/// and the interop schema (every field kind, oneofs, maps with every key type, recursive
/// and mutually recursive messages, well-known types as fields), plus the well-known
/// types whose JSON forms ProtoWire writes by hand.
enum FuzzedMessages {
    static let types: [any ProtoMessage.Type] = [
        Portico_Interop_V1_AllFields.self,
        Portico_Interop_V1_Tree.self,
        Portico_Example_V1_Sample.self,
        Portico_Example_V1_Node.self,
        Google_Protobuf_Timestamp.self,
        Google_Protobuf_Duration.self,
        Google_Protobuf_Struct.self,
        Google_Protobuf_Value.self,
        Google_Protobuf_FieldMask.self,
        Google_Protobuf_Any.self,
    ]

    /// Lets `Any` in JSON resolve the generated types too, not just the well-known ones.
    static let registry = ProtoTypeRegistry([
        Portico_Interop_V1_AllFields.self,
        Portico_Interop_V1_Tree.self,
        Portico_Interop_V1_Forest.self,
        Portico_Interop_V1_Leaf.self,
        Portico_Example_V1_Sample.self,
        Portico_Example_V1_Node.self,
    ])
}
