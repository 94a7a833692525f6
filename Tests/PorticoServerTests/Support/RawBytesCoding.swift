import GRPCCore

/// Sends and receives message payloads as raw bytes, for calls that must not depend
/// on a method's message types: the role matrix calls every method generically, and
/// malformed-payload tests send bytes no message type would produce.
struct RawBytesSerializer: MessageSerializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        Bytes(message)
    }
}

struct RawBytesDeserializer: MessageDeserializer {
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}

extension GRPCClient {
    /// Calls any method with one raw request payload and returns the status the call
    /// ended with: nil for OK, or as soon as a first response message arrives — then
    /// the call is cancelled, because streaming methods such as Health/Watch never end
    /// by themselves.
    func rawCall(_ method: MethodDescriptor, payload: [UInt8] = [], metadata: Metadata = [:]) async throws -> RPCError.Code? {
        let (outcomes, outcome) = AsyncStream.makeStream(of: CallOutcome.self)
        return await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { outcome.finish() }
                let request = StreamingClientRequest<[UInt8]>(metadata: metadata) { writer in
                    try await writer.write(payload)
                }
                do {
                    try await self.bidirectionalStreaming(
                        request: request, descriptor: method,
                        serializer: RawBytesSerializer(), deserializer: RawBytesDeserializer(),
                        options: .defaults
                    ) { response in
                        for try await _ in response.messages { break }
                        outcome.yield(.ok)
                    }
                } catch let error as RPCError {
                    outcome.yield(.failed(error.code))
                }
            }
            var iterator = outcomes.makeAsyncIterator()
            let first = await iterator.next()
            group.cancelAll()
            switch first {
            case .ok, nil: return nil
            case .failed(let code): return code
            }
        }
    }
}

private enum CallOutcome: Sendable {
    case ok
    case failed(RPCError.Code)
}
