import GRPCCore
import GRPCNIOTransportHTTP2

/// A real gRPC server on 127.0.0.1 (port 0) with the echo service, and a client
/// connected to it over HTTP/2, both shut down when `body` returns.
enum EchoHarness {
    typealias Transport = HTTP2ClientTransport.Posix

    static func run<Result: Sendable>(
        _ body: (Echo_V1_Echo.Client<Transport>, GRPCClient<Transport>) async throws -> Result
    ) async throws -> Result {
        try await withGRPCServer(
            transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
            services: [EchoService()]
        ) { server in
            guard let address = try await server.listeningAddress?.ipv4 else {
                throw RPCError(code: .internalError, message: "the server is not listening on IPv4")
            }
            return try await withGRPCClient(
                transport: try .http2NIOPosix(
                    target: .ipv4(address: address.host, port: address.port), transportSecurity: .plaintext)
            ) { client in
                try await body(Echo_V1_Echo.Client(wrapping: client), client)
            }
        }
    }
}

/// Sends bytes as they are, whatever the method's message type: a client that does not
/// speak the schema.
struct RawBytesSerializer: MessageSerializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        Bytes(message)
    }
}
