import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct HealthServiceTests {
    func check(_ server: TestServer, _ service: String) async throws -> Grpc_Health_V1_HealthCheckResponse.ServingStatus {
        var request = Grpc_Health_V1_HealthCheckRequest()
        request.service = service
        return try await server.health.check(request).status
    }

    @Test func theServerAndEachServiceAreServing() async throws {
        try await withTestServer { server async throws in
            #expect(try await check(server, "") == .serving)
            for service in PorticoAPIRegistry.services {
                #expect(try await check(server, service.descriptor.fullyQualifiedService) == .serving)
            }
            #expect(await statusCode { try await check(server, "portico.v1.Nope") } == .notFound)
        }
    }

    @Test func watchStartsWithTheCurrentStatus() async throws {
        try await withTestServer { server async throws in
            var request = Grpc_Health_V1_HealthCheckRequest()
            request.service = "portico.v1.Auth"
            let first = try await server.health.watch(request) { response in
                for try await message in response.messages { return message.status }
                return .unknown
            }
            #expect(first == .serving)
            request.service = "portico.v1.Nope"
            let unknown = try await server.health.watch(request) { response in
                for try await message in response.messages { return message.status }
                return .unknown
            }
            #expect(unknown == .serviceUnknown)
        }
    }
}
