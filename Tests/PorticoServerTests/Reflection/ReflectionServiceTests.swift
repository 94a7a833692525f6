import GRPCCore
import PorticoAPI
@testable import PorticoServer
import ProtoWire
import Testing

/// Server reflection over real gRPC, both protocol versions (the Python interop test
/// checks the same with grpcio-reflection).
@Suite struct ReflectionServiceTests {
    typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
    typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

    func ask(_ server: TestServer, _ requests: [Request]) async throws -> [Response] {
        let client = Grpc_Reflection_V1_ServerReflection.Client(wrapping: server.client)
        return try await client.serverReflectionInfo(requestProducer: { writer in
            try await writer.write(contentsOf: requests)
        }) { response in
            var answers: [Response] = []
            for try await message in response.messages { answers.append(message) }
            return answers
        }
    }

    static func request(_ body: Grpc_Reflection_V1_ServerReflectionRequest.OneOf_MessageRequest) -> Request {
        var request = Request()
        request.messageRequest = body
        return request
    }

    static func fileNames(_ response: Response) -> [String] {
        guard case .fileDescriptorResponse(let files) = response.messageResponse else { return [] }
        return files.fileDescriptorProto.compactMap { bytes in
            PorticoAPIRegistry.fileDescriptors.first { $0.serializedDescriptor == bytes }?.name
        }
    }

    @Test func listsServicesAndFindsFilesBySymbolNameAndExtension() async throws {
        try await withTestServer { server in
            var extensionRequest = Grpc_Reflection_V1_ExtensionRequest()
            extensionRequest.containingType = "google.protobuf.MethodOptions"
            extensionRequest.extensionNumber = 50701
            let answers = try await ask(server, [
                Self.request(.listServices("")),
                Self.request(.fileContainingSymbol("portico.v1.Auth.Login")),
                Self.request(.fileByFilename("portico/v1/operator.proto")),
                Self.request(.fileContainingSymbol("portico.v1.Membership.tenant_id")),
                Self.request(.fileContainingExtension(extensionRequest)),
                Self.request(.allExtensionNumbersOfType("google.protobuf.MethodOptions")),
                Self.request(.fileContainingSymbol("portico.v1.Nope")),
            ])
            #expect(answers.count == 7)
            guard case .listServicesResponse(let list) = answers[0].messageResponse else {
                Issue.record("no service list")
                return
            }
            #expect(list.service.map(\.name) == [
                "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection", "portico.v1.Auth", "portico.v1.Clients",
                "portico.v1.Invites", "portico.v1.Locations", "portico.v1.NteProfiles", "portico.v1.Operator",
                "portico.v1.TenantSettings", "portico.v1.WorkOrders",
            ])
            #expect(Self.fileNames(answers[1]) == [
                "portico/v1/auth.proto", "google/protobuf/timestamp.proto", "google/protobuf/descriptor.proto",
                "portico/v1/common.proto", "portico/v1/access.proto",
            ])
            #expect(Self.fileNames(answers[2]).first == "portico/v1/operator.proto")
            #expect(Self.fileNames(answers[3]).first == "portico/v1/auth.proto")
            #expect(Self.fileNames(answers[4]).first == "portico/v1/access.proto")
            guard case .allExtensionNumbersResponse(let numbers) = answers[5].messageResponse else {
                Issue.record("no extension numbers")
                return
            }
            #expect(numbers.baseTypeName == "google.protobuf.MethodOptions")
            #expect(numbers.extensionNumber == [50701])
            guard case .errorResponse(let error) = answers[6].messageResponse else {
                Issue.record("an unknown symbol must be an error response")
                return
            }
            #expect(error.errorCode == 5)
            #expect(answers[6].originalRequest == Self.request(.fileContainingSymbol("portico.v1.Nope")))
        }
    }

    @Test func v1alphaAnswersTheSame() async throws {
        try await withTestServer { server in
            let client = Grpc_Reflection_V1alpha_ServerReflection.Client(wrapping: server.client)
            var request = Grpc_Reflection_V1alpha_ServerReflectionRequest()
            request.messageRequest = .listServices("*")
            let listRequest = request
            let names = try await client.serverReflectionInfo(requestProducer: { try await $0.write(listRequest) }) { response in
                var names: [String] = []
                for try await message in response.messages {
                    if case .listServicesResponse(let list) = message.messageResponse { names += list.service.map(\.name) }
                }
                return names
            }
            #expect(names.count == 11)
            #expect(names.contains("portico.v1.Auth"))
        }
    }
}
