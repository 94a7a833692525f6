extension ProtoMessage {
    /// The message in proto3 JSON.
    public func jsonString(options: JSONEncodingOptions = .init()) throws(ProtoJSONError) -> String {
        String(decoding: try jsonUTF8Bytes(options: options), as: UTF8.self)
    }

    /// The message in proto3 JSON, as UTF-8 bytes.
    public func jsonUTF8Bytes(options: JSONEncodingOptions = .init()) throws(ProtoJSONError) -> [UInt8] {
        var writer = JSONWriter(options: options)
        try protoEncodeJSON(to: &writer)
        return writer.bytes
    }

    /// Decodes a message from proto3 JSON.
    public init(jsonString: String, options: JSONDecodingOptions = .init()) throws(ProtoJSONError) {
        try self.init(jsonUTF8Bytes: Array(jsonString.utf8), options: options)
    }

    /// Decodes a message from proto3 JSON in UTF-8 bytes.
    public init(jsonUTF8Bytes bytes: [UInt8], options: JSONDecodingOptions = .init()) throws(ProtoJSONError) {
        let result: Result<Self, ProtoJSONError> = bytes.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw, options: options)
            do throws(ProtoJSONError) {
                // The top-level message is depth 0, as in binary decoding.
                var message = Self()
                try message.protoDecodeJSON(from: &reader)
                try reader.expectEnd()
                return .success(message)
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }
}
