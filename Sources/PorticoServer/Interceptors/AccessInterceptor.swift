import GRPCCore
import PorticoAPI

/// Applies the method's `(portico.v1.access)` rule from the generated table to the
/// principal: wrong role → `PERMISSION_DENIED`, a temporary password not yet changed →
/// `FAILED_PRECONDITION` (rule 4). Runs after authentication, before the handler; RLS
/// in the database checks the same scoping again.
struct AccessInterceptor: ServerInterceptor {
    let accessRules: [MethodDescriptor: Portico_V1_AccessRule]

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        switch AccessPolicy.decide(rule: accessRules[context.descriptor], principal: CallContext.current.principal) {
        case .allowed: return try await next(request, context)
        case .unauthenticated: throw PorticoError.unauthenticated
        case .permissionDenied: throw PorticoError.permissionDenied
        case .passwordChangeRequired: throw PorticoError.passwordChangeRequired
        }
    }
}
