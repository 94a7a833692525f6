// Provisional: replaced by the RFC 3339 form below.
extension Google_Protobuf_Timestamp {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeString("")
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        _ = try reader.readString()
    }
}
