import GRPCCore
@testable import PorticoServer
import Testing

/// The one place errors become statuses, whichever way they arrive: thrown by the
/// next interceptor, turned by GRPCCore into a failed response (UNKNOWN with the
/// original as cause), or thrown from a streaming response's body.
@Suite struct ErrorMappingInterceptorTests {
    struct Unexpected: Error {}

    static let context = ServerContext(
        descriptor: MethodDescriptor(fullyQualifiedService: "portico.v1.Test", method: "Call"),
        remotePeer: "in-process", localPeer: "in-process",
        cancellation: ServerContext.RPCCancellationHandle()
    )

    func status(whenNextFailsWith error: any Error, thrown: Bool) async -> RPCError? {
        let interceptor = ErrorMappingInterceptor(logger: quietLogger)
        let request = StreamingServerRequest<Int>(single: ServerRequest(metadata: [:], message: 1))
        do {
            let response: StreamingServerResponse<Int> = try await interceptor.intercept(request: request, context: Self.context) { _, _ in
                if thrown { throw error }
                return StreamingServerResponse(error: RPCError(code: .unknown, message: "", cause: error))
            }
            if case .failure(let failure) = response.accepted { return failure }
            return nil
        } catch {
            return error as? RPCError
        }
    }

    @Test(arguments: [true, false])
    func databaseOutagesAreUnavailable(thrown: Bool) async {
        let error = DatabaseError(code: .connectionTimeout, message: "no database connection within 5 seconds")
        let status = await status(whenNextFailsWith: error, thrown: thrown)
        #expect(status?.code == .unavailable)
        #expect(status?.message.contains("5 seconds") == false)
    }

    @Test(arguments: [true, false])
    func unexpectedErrorsAreInternalWithoutDetail(thrown: Bool) async {
        let status = await status(whenNextFailsWith: Unexpected(), thrown: thrown)
        #expect(status?.code == .internalError)
        #expect(status?.message == "internal error")
    }

    @Test func domainErrorsKeepCodeAndMessage() async {
        let status = await status(whenNextFailsWith: PorticoError.invalidField("name", "must not be empty"), thrown: true)
        #expect(status?.code == .invalidArgument)
        #expect(status?.message == "name: must not be empty")
    }

    @Test func errorsFromAStreamingBodyAreMappedToo() async throws {
        let interceptor = ErrorMappingInterceptor(logger: quietLogger)
        let response: StreamingServerResponse<Int> = try await interceptor.intercept(
            request: StreamingServerRequest<Int>(single: ServerRequest(metadata: [:], message: 1)), context: Self.context
        ) { _, _ in
            StreamingServerResponse<Int>(metadata: [:]) { _ in throw Unexpected() }
        }
        guard case .success(let contents) = response.accepted else {
            Issue.record("the response was accepted")
            return
        }
        await #expect(throws: RPCError(code: .internalError, message: "internal error")) {
            _ = try await contents.producer(RPCWriter(wrapping: DiscardingWriter()))
        }
    }
}

private struct DiscardingWriter: RPCWriterProtocol {
    func write(_ element: Int) async throws {}
    func write(contentsOf elements: some Sequence<Int>) async throws {}
}
