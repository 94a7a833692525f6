import GRPCCore
import PorticoAPI
import ProtoWire
import ProtoWireGRPC

/// `grpc.reflection.v1.ServerReflection`: one answer per request, in order.
struct ReflectionService: Grpc_Reflection_V1_ServerReflection.SimpleServiceProtocol {
    let index: ReflectionIndex

    func serverReflectionInfo(
        request: RPCAsyncSequence<Grpc_Reflection_V1_ServerReflectionRequest, any Error>,
        response: RPCWriter<Grpc_Reflection_V1_ServerReflectionResponse>,
        context: ServerContext
    ) async throws {
        for try await message in request {
            var answer = Grpc_Reflection_V1_ServerReflectionResponse()
            answer.validHost = message.host
            answer.originalRequest = message
            answer.messageResponse = Self.response(to: message.messageRequest.map(Self.query), index: index)
            try await response.write(answer)
        }
    }

    static func query(_ request: Grpc_Reflection_V1_ServerReflectionRequest.OneOf_MessageRequest) -> ReflectionQuery {
        switch request {
        case .fileByFilename(let name): .fileByFilename(name)
        case .fileContainingSymbol(let symbol): .fileContainingSymbol(symbol)
        case .fileContainingExtension(let request):
            .fileContainingExtension(containingType: request.containingType, number: request.extensionNumber)
        case .allExtensionNumbersOfType(let type): .allExtensionNumbersOfType(type)
        case .listServices: .listServices
        }
    }

    static func response(
        to query: ReflectionQuery?, index: ReflectionIndex
    ) -> Grpc_Reflection_V1_ServerReflectionResponse.OneOf_MessageResponse {
        guard let query else {
            return .errorResponse(.with { $0.errorCode = Int32(RPCError.Code.invalidArgument.rawValue); $0.errorMessage = "empty request" })
        }
        switch index.answer(query) {
        case .files(let files):
            return .fileDescriptorResponse(.with { $0.fileDescriptorProto = files })
        case .extensionNumbers(let baseType, let numbers):
            return .allExtensionNumbersResponse(.with { $0.baseTypeName = baseType; $0.extensionNumber = numbers })
        case .services(let names):
            return .listServicesResponse(.with { $0.service = names.map { name in .with { $0.name = name } } })
        case .error(let code, let message):
            return .errorResponse(.with { $0.errorCode = Int32(code.rawValue); $0.errorMessage = message })
        }
    }
}

/// `grpc.reflection.v1alpha.ServerReflection`: the same answers in the older package,
/// which grpcurl and many other tools still ask first.
struct ReflectionServiceV1Alpha: Grpc_Reflection_V1alpha_ServerReflection.SimpleServiceProtocol {
    let index: ReflectionIndex

    func serverReflectionInfo(
        request: RPCAsyncSequence<Grpc_Reflection_V1alpha_ServerReflectionRequest, any Error>,
        response: RPCWriter<Grpc_Reflection_V1alpha_ServerReflectionResponse>,
        context: ServerContext
    ) async throws {
        for try await message in request {
            // The two versions' messages are wire-identical: answer through v1's.
            let v1Request = try Grpc_Reflection_V1_ServerReflectionRequest(serializedBytes: message.serializedBytes())
            var answer = Grpc_Reflection_V1_ServerReflectionResponse()
            answer.validHost = v1Request.host
            answer.originalRequest = v1Request
            answer.messageResponse = ReflectionService.response(to: v1Request.messageRequest.map(ReflectionService.query), index: index)
            try await response.write(Grpc_Reflection_V1alpha_ServerReflectionResponse(serializedBytes: answer.serializedBytes()))
        }
    }
}
