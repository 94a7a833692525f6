/// Empty's JSON form is `{}`.
extension Google_Protobuf_Empty {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.beginObject()
        writer.endObject()
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        var cursor = try reader.beginMessage(Self.noFields)
        while try reader.nextField(&cursor) != nil {}
    }

    private static let noFields = JSONFieldTable([])
}
