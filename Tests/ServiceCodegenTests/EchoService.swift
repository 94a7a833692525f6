import GRPCCore
import ProtoWireGRPC

/// The generated `SimpleServiceProtocol` implemented the simplest way: what the tests
/// call over a real transport.
struct EchoService: Echo_V1_Echo.SimpleServiceProtocol {
    func get(request: Echo_V1_EchoRequest, context: ServerContext) async throws -> Echo_V1_EchoResponse {
        try Self.failIfAsked(request)
        return .with { $0.text = request.text }
    }

    func collect(
        request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>, context: ServerContext
    ) async throws -> Echo_V1_EchoResponse {
        var words: [String] = []
        for try await message in request {
            try Self.failIfAsked(message)
            words.append(message.text)
        }
        return .with { $0.text = words.joined(separator: " ") }
    }

    func expand(
        request: Echo_V1_EchoRequest, response: RPCWriter<Echo_V1_EchoResponse>, context: ServerContext
    ) async throws {
        try Self.failIfAsked(request)
        let words = request.text.split(separator: " ")
        for (index, word) in words.enumerated() {
            try await response.write(.with {
                $0.text = String(word)
                $0.index = Int32(index)
            })
        }
    }

    func update(
        request: RPCAsyncSequence<Echo_V1_EchoRequest, any Error>, response: RPCWriter<Echo_V1_EchoResponse>,
        context: ServerContext
    ) async throws {
        var index: Int32 = 0
        for try await message in request {
            try Self.failIfAsked(message)
            try await response.write(.with {
                $0.text = message.text.uppercased()
                $0.index = index
            })
            index += 1
        }
    }

    /// `fail_with_code` turns the request into an error with that status code.
    private static func failIfAsked(_ request: Echo_V1_EchoRequest) throws {
        guard request.failWithCode != 0 else { return }
        let code = Status.Code(rawValue: Int(request.failWithCode)).flatMap(RPCError.Code.init) ?? .unknown
        throw RPCError(code: code, message: request.text)
    }
}
