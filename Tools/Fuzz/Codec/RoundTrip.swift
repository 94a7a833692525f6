import ProtoWire

/// The properties the fuzzer checks on every decoded message. Messages are compared by
/// their encodings, not with `==`: a NaN field is never equal to itself.
enum RoundTrip {
    static let jsonDecoding = JSONDecodingOptions(typeRegistry: FuzzedMessages.registry)
    static let jsonEncoding = JSONEncodingOptions(typeRegistry: FuzzedMessages.registry)

    /// decode → encode → decode → encode gives the same bytes twice; the accepted
    /// message also encodes to JSON without crashing (it may refuse, e.g. a Timestamp
    /// out of range, which binary allows).
    /// Returns whether the decoder accepted the input.
    @discardableResult
    static func checkBinary<Message: ProtoMessage>(_ type: Message.Type, _ bytes: [UInt8]) -> Bool {
        guard let message = try? Message(serializedBytes: bytes) else { return false }
        let encoded = message.serializedBytes()
        let again: Message
        do {
            again = try Message(serializedBytes: encoded)
        } catch {
            fail("\(type.protoMessageName): own binary output does not decode: \(error)")
        }
        let reencoded = again.serializedBytes()
        check(reencoded == encoded, "\(type.protoMessageName): binary re-encoding differs")
        _ = try? message.jsonString(options: jsonEncoding)
        return true
    }

    /// JSON decode → encode → decode → encode gives the same text twice, and the message
    /// survives a trip through binary with the same JSON.
    /// Returns whether the decoder accepted the input.
    @discardableResult
    static func checkJSON<Message: ProtoMessage>(_ type: Message.Type, _ text: String) -> Bool {
        guard let message = try? Message(jsonString: text, options: jsonDecoding) else { return false }
        let name = type.protoMessageName
        let json = encodeJSON(message, name)
        let again: Message
        do {
            again = try Message(jsonString: json, options: jsonDecoding)
        } catch {
            fail("\(name): own JSON output does not decode: \(error)\n\(json)")
        }
        check(encodeJSON(again, name) == json, "\(name): JSON re-encoding differs\n\(json)")
        let viaBinary: Message
        do {
            viaBinary = try Message(serializedBytes: message.serializedBytes())
        } catch {
            fail("\(name): binary of a JSON-decoded message does not decode: \(error)")
        }
        check(encodeJSON(viaBinary, name) == json, "\(name): JSON changed through binary\n\(json)")
        return true
    }

    /// A message that JSON decoding accepted must encode back to JSON.
    private static func encodeJSON<Message: ProtoMessage>(_ message: Message, _ name: String) -> String {
        do {
            return try message.jsonString(options: jsonEncoding)
        } catch {
            fail("\(name): a JSON-decoded message does not encode to JSON: \(error)")
        }
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    private static func fail(_ message: String) -> Never {
        fatalError("round-trip property violated: \(message)")
    }
}
