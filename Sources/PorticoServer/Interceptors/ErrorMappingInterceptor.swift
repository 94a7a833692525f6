import GRPCCore
import Logging

/// Turns every error a call ends with into the status the client sees, in one place
/// (README.md, "Architecture"): our own errors keep their code and message; database errors
/// go through `PostgresErrorMapping`; anything else becomes `INTERNAL` with a bare
/// message, and its details go to the server log under the request id only.
struct ErrorMappingInterceptor: ServerInterceptor {
    let logger: Logger

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let method = context.descriptor.fullyQualifiedMethod
        let response: StreamingServerResponse<Output>
        do {
            response = try await next(request, context)
        } catch {
            throw mapped(error, method: method)
        }
        // GRPCCore turns an error thrown by an inner interceptor or a handler into a
        // failed response before it gets here: any error that is neither an RPCError
        // nor RPCErrorConvertible arrives as UNKNOWN with the original as its cause.
        if case .failure(let failure) = response.accepted, failure.code == .unknown, let cause = failure.cause {
            return StreamingServerResponse(error: mapped(cause, method: method))
        }
        return response.wrappingBody { body in
            do {
                return try await body()
            } catch {
                throw mapped(error, method: method)
            }
        }
    }

    private func mapped(_ error: any Error, method: String) -> RPCError {
        let mapping = ErrorMapping.rpcError(for: error)
        if mapping.isUnexpected {
            // String(reflecting:) may hold SQL or internals: log it, never send it.
            logger.error(
                "unexpected error",
                metadata: [
                    "method": "\(method)",
                    "request_id": "\(CallContext.current.requestID)",
                    "error": "\(String(reflecting: error))",
                ]
            )
        }
        return mapping.error
    }
}
