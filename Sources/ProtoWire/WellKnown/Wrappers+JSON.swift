/// Wrapper types are written as their plain value (`"5"` for Int64Value, `true` for
/// BoolValue); a `null` field of a wrapper type means "unset".
protocol ProtoWrapper: ProtoMessage {
    associatedtype Kind: ProtoFieldKind
    var value: Kind.Value { get set }
}

extension ProtoWrapper {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        try Kind.writeJSON(value, to: &writer)
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        value = try Kind.readJSON(from: &reader)
    }
}

extension Google_Protobuf_DoubleValue: ProtoWrapper { typealias Kind = ProtoDouble }
extension Google_Protobuf_FloatValue: ProtoWrapper { typealias Kind = ProtoFloat }
extension Google_Protobuf_Int64Value: ProtoWrapper { typealias Kind = ProtoInt64 }
extension Google_Protobuf_UInt64Value: ProtoWrapper { typealias Kind = ProtoUInt64 }
extension Google_Protobuf_Int32Value: ProtoWrapper { typealias Kind = ProtoInt32 }
extension Google_Protobuf_UInt32Value: ProtoWrapper { typealias Kind = ProtoUInt32 }
extension Google_Protobuf_BoolValue: ProtoWrapper { typealias Kind = ProtoBool }
extension Google_Protobuf_StringValue: ProtoWrapper { typealias Kind = ProtoString }
extension Google_Protobuf_BytesValue: ProtoWrapper { typealias Kind = ProtoBytes }
