public import GRPCCore
public import ProtoWire

/// Writes a generated message as the protobuf binary payload of a gRPC message.
///
/// Generated service descriptors and clients use this to connect the wire runtime to
/// GRPCCore; it is public so hand-written calls (a generic client, a test) can too.
public struct ProtoSerializer<Message: ProtoMessage>: MessageSerializer {
    public init() {}

    @inlinable
    public func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
        let bytes = message.serializedBytes()
        // `[UInt8]` is what both transports use; anything else gets a copy.
        if let same = bytes as? Bytes { return same }
        return Bytes(bytes)
    }
}
