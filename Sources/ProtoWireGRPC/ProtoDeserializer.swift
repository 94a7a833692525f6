public import GRPCCore
public import ProtoWire

/// Reads the protobuf binary payload of a gRPC message into a generated message.
///
/// Bytes that are not a valid message fail the call with `INVALID_ARGUMENT` (a client
/// sent garbage, or a peer uses another schema), never a crash. The message names
/// the expected type and the decoding problem, nothing else.
public struct ProtoDeserializer<Message: ProtoMessage>: MessageDeserializer {
    public init() {}

    @inlinable
    public func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
        let decoded: Result<Message, ProtoDecodingError> = serializedMessageBytes.withUnsafeBytes { raw in
            do throws(ProtoDecodingError) {
                return .success(try Message(serializedBytes: raw))
            } catch {
                return .failure(error)
            }
        }
        switch decoded {
        case .success(let message):
            return message
        case .failure(let error):
            throw RPCError(
                code: .invalidArgument,
                message: "malformed \(Message.protoMessageName) message: \(error)"
            )
        }
    }
}
