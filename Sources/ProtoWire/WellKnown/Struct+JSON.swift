/// Struct, Value and ListValue are JSON itself: an object, any value, an array.
extension Google_Protobuf_Struct {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.beginObject()
        for key in fields.keys.sorted() {
            writer.writeKey(key)
            try fields[key]!.protoEncodeJSON(to: &writer)
        }
        writer.endObject()
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        try reader.beginObject()
        fields = [:]
        var isFirst = true
        while let key = try reader.nextKey(isFirst: &isFirst) {
            guard fields[key] == nil else {
                throw ProtoJSONError(.duplicateField, "key \"\(key)\" appears twice")
            }
            fields[key] = try reader.readMessage(Google_Protobuf_Value.self)
        }
    }
}

extension Google_Protobuf_Value {
    public static var protoJSONNullIsValue: Bool { true }

    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        switch kind {
        case .nullValue?: writer.writeNull()
        case .numberValue(let number)?:
            guard number.isFinite else {
                throw ProtoJSONError(.unencodableValue, "Value cannot hold \(number) in JSON")
            }
            writer.writeNumber(number)
        case .stringValue(let string)?: writer.writeString(string)
        case .boolValue(let bool)?: writer.writeBool(bool)
        case .structValue(let object)?: try object.protoEncodeJSON(to: &writer)
        case .listValue(let list)?: try list.protoEncodeJSON(to: &writer)
        case nil: throw ProtoJSONError(.unencodableValue, "Value has no kind set")
        }
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        switch reader.peek() {
        case UInt8(ascii: "n"):
            try reader.expectLiteral("null")
            kind = .nullValue(.nullValue)
        case UInt8(ascii: "t"), UInt8(ascii: "f"): kind = .boolValue(try reader.readBool())
        case UInt8(ascii: "\""): kind = .stringValue(try reader.readStringToken())
        case UInt8(ascii: "{"): kind = .structValue(try reader.readMessage(Google_Protobuf_Struct.self))
        case UInt8(ascii: "["): kind = .listValue(try reader.readMessage(Google_Protobuf_ListValue.self))
        case .some: kind = .numberValue(try reader.readDouble())
        case nil: throw .malformed("unexpected end of input", at: reader.position)
        }
    }
}

extension Google_Protobuf_ListValue {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.beginArray()
        for value in values { try value.protoEncodeJSON(to: &writer) }
        writer.endArray()
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        try reader.beginArray()
        values = []
        var isFirst = true
        while try reader.nextElement(isFirst: &isFirst) {
            values.append(try reader.readMessage(Google_Protobuf_Value.self))
        }
    }
}
