import GRPCCore
import GRPCNIOTransportHTTP2
import ProtoWire
import ProtoWireGRPC

/// Calls any method by its registry description: the request and response types are
/// only known at run time (`any ProtoMessage.Type`), so each call opens them into
/// generic parameters for GRPCCore's typed API.
struct RPCInvoker: Sendable {
    let client: GRPCClient<HTTP2ClientTransport.Posix>

    /// Sends `request` and hands every response message to `onMessage` as it arrives
    /// (once for unary methods). `token` becomes the `authorization: Bearer` header.
    func call(
        _ method: ProtoMethodDescription, request: any ProtoMessage, responseType: any ProtoMessage.Type,
        token: String?, onMessage: @escaping @Sendable (any ProtoMessage) async throws -> Void
    ) async throws {
        try await open(request, responseType, method: method, token: token, onMessage: onMessage)
    }

    private func open<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request, _ responseType: Response.Type, method: ProtoMethodDescription, token: String?,
        onMessage: @escaping @Sendable (any ProtoMessage) async throws -> Void
    ) async throws {
        let metadata = Self.metadata(token: token)
        if method.isClientStreaming {
            try await streamRequest(request, responseType, method: method, metadata: metadata, onMessage: onMessage)
            return
        }
        if method.isServerStreaming {
            try await client.serverStreaming(
                request: ClientRequest(message: request, metadata: metadata), descriptor: method.descriptor,
                serializer: ProtoSerializer<Request>(), deserializer: ProtoDeserializer<Response>(), options: .defaults
            ) { response in
                for try await message in response.messages { try await onMessage(message) }
            }
        } else {
            try await onMessage(try await unary(request, method.descriptor, token: token, returning: responseType))
        }
    }

    /// Client- and bidirectional-streaming methods (server reflection): the request is
    /// sent as a stream of that one message, which is then closed, and every response
    /// is handed on as it arrives.
    private func streamRequest<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request, _ responseType: Response.Type, method: ProtoMethodDescription, metadata: Metadata,
        onMessage: @escaping @Sendable (any ProtoMessage) async throws -> Void
    ) async throws {
        let clientRequest = StreamingClientRequest<Request>(metadata: metadata) { writer in
            try await writer.write(request)
        }
        try await client.bidirectionalStreaming(
            request: clientRequest, descriptor: method.descriptor, serializer: ProtoSerializer<Request>(),
            deserializer: ProtoDeserializer<Response>(), options: .defaults
        ) { response in
            for try await message in response.messages { try await onMessage(message) }
        }
    }

    /// `authorization: Bearer TOKEN`, or nothing without a token.
    private static func metadata(token: String?) -> Metadata {
        var metadata = Metadata()
        if let token { metadata.addString("Bearer \(token)", forKey: "authorization") }
        return metadata
    }

    /// A typed unary call, for the shell's own use of Auth (login, password change).
    func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ request: Request, _ descriptor: MethodDescriptor, token: String?, returning: Response.Type = Response.self
    ) async throws -> Response {
        try await client.unary(
            request: ClientRequest(message: request, metadata: Self.metadata(token: token)), descriptor: descriptor,
            serializer: ProtoSerializer<Request>(), deserializer: ProtoDeserializer<Response>(), options: .defaults
        ) { response in try response.message }
    }
}
