import GRPCCore
import PorticoAPI

/// Resolves the bearer token in `authorization` metadata to a principal, before any
/// handler runs. Public methods skip the lookup entirely; on every other method a
/// missing, unknown, expired or revoked session fails at once with `UNAUTHENTICATED`
/// (sessions live in PostgreSQL and are looked up on every call, so a logout or a
/// password change elsewhere takes effect on the next call).
struct AuthenticationInterceptor: ServerInterceptor {
    let store: AuthStore
    let accessRules: [MethodDescriptor: Portico_V1_AccessRule]

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        if accessRules[context.descriptor]?.public == true {
            return try await next(request, context)
        }
        guard let token = request.metadata[stringValues: "authorization"].lazy.compactMap(SessionToken.init(authorizationHeader:)).first,
            let principal = try await store.principal(forTokenHash: token.hash)
        else {
            throw PorticoError.unauthenticated
        }
        var signedIn = CallContext.current
        signedIn.principal = principal
        let call = signedIn
        return try await CallContext.$current.withValue(call) {
            try await next(request, context).wrappingBody { body in
                try await CallContext.$current.withValue(call) { try await body() }
            }
        }
    }
}
