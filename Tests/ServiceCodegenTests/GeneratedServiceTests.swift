import GRPCCore
import GRPCInProcessTransport
import ProtoWireGRPC
import Testing

/// Every RPC kind through the generated client and service over a real HTTP/2 server.
@Suite("Generated service over HTTP/2")
struct GeneratedServiceTests {
    @Test func unaryAnswersTheMessage() async throws {
        let response = try await EchoHarness.run { echo, _ in
            try await echo.get(.with { $0.text = "hello" })
        }
        #expect(response == .with { $0.text = "hello" })
    }

    @Test func clientStreamingSeesEveryRequestInOrder() async throws {
        let response = try await EchoHarness.run { echo, _ in
            try await echo.collect { writer in
                for word in ["one", "two", "three"] {
                    try await writer.write(.with { $0.text = word })
                }
            }
        }
        #expect(response.text == "one two three")
    }

    @Test func serverStreamingSendsEveryResponseInOrder() async throws {
        let responses = try await EchoHarness.run { echo, _ in
            try await echo.expand(.with { $0.text = "a bb ccc" }) { response in
                var received: [Echo_V1_EchoResponse] = []
                for try await message in response.messages { received.append(message) }
                return received
            }
        }
        #expect(responses.map(\.text) == ["a", "bb", "ccc"])
        #expect(responses.map(\.index) == [0, 1, 2])
    }

    @Test func bidirectionalStreamingAnswersEachRequest() async throws {
        let responses = try await EchoHarness.run { echo, _ in
            try await echo.update(metadata: ["x-test": "bidi"]) { writer in
                try await writer.write(contentsOf: ["x", "y"].map { word in .with { $0.text = word } })
            } onResponse: { response in
                var received: [String] = []
                for try await message in response.messages { received.append("\(message.index):\(message.text)") }
                return received
            }
        }
        #expect(responses == ["0:X", "1:Y"])
    }

    @Test(arguments: [(Int32(5), RPCError.Code.notFound), (9, .failedPrecondition), (16, .unauthenticated)])
    func aThrownStatusReachesTheClient(_ rawCode: Int32, _ expected: RPCError.Code) async throws {
        let error = try await EchoHarness.run { echo, _ in
            await #expect(throws: RPCError.self) {
                try await echo.get(.with {
                    $0.text = "no such thing"
                    $0.failWithCode = rawCode
                })
            }
        }
        #expect(error?.code == expected)
        #expect(error?.message == "no such thing")
    }

    @Test func aStreamingErrorEndsTheStreamWithItsStatus() async throws {
        let error = try await EchoHarness.run { echo, _ in
            await #expect(throws: RPCError.self) {
                try await echo.update { writer in
                    try await writer.write(.with { $0.text = "fine" })
                    try await writer.write(.with {
                        $0.text = "stop"
                        $0.failWithCode = 8
                    })
                } onResponse: { response in
                    for try await _ in response.messages {}
                }
            }
        }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message == "stop")
    }

    /// A payload that is not an `EchoRequest` (a length running past the end) is
    /// rejected with INVALID_ARGUMENT, and the server goes on serving.
    @Test func aMalformedRequestIsInvalidArgumentAndTheServerKeepsServing() async throws {
        let (error, after) = try await EchoHarness.run { echo, client in
            let error = await #expect(throws: RPCError.self) {
                try await client.unary(
                    request: ClientRequest(message: [0x0A, 0x7F, 0x41]),
                    descriptor: Echo_V1_Echo.Method.Get.descriptor,
                    serializer: RawBytesSerializer(),
                    deserializer: ProtoDeserializer<Echo_V1_EchoResponse>(),
                    options: .defaults
                ) { try $0.message }
            }
            let after = try await echo.get(.with { $0.text = "still here" })
            return (error, after)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("malformed echo.v1.EchoRequest message") == true)
        #expect(after.text == "still here")
    }

    @Test func theClientWorksOverTheInProcessTransportToo() async throws {
        let inProcess = InProcessTransport()
        let response = try await withGRPCServer(transport: inProcess.server, services: [EchoService()]) { _ in
            try await withGRPCClient(transport: inProcess.client) { client in
                try await Echo_V1_Echo.Client(wrapping: client).get(.with { $0.text = "local" })
            }
        }
        #expect(response.text == "local")
    }
}
