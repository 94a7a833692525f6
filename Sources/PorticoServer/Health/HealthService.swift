import GRPCCore
import PorticoAPI

/// `grpc.health.v1.Health`. The whole server ("") and each of its services share one
/// status: every RPC needs PostgreSQL, so when the database is unreachable nothing is
/// serving.
struct HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
    let status: HealthStatus
    /// Fully qualified names of the services this server has.
    let serviceNames: Set<String>

    func check(
        request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthCheckResponse {
        guard isKnown(request.service) else {
            throw RPCError(code: .notFound, message: "unknown service \(request.service)")
        }
        var response = Grpc_Health_V1_HealthCheckResponse()
        response.status = status.current
        return response
    }

    func watch(
        request: Grpc_Health_V1_HealthCheckRequest,
        response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        guard isKnown(request.service) else {
            // The protocol says: report SERVICE_UNKNOWN and keep the stream open, in
            // case the service appears later. Ours never does; the stream stays open
            // until the caller cancels or the server shuts down.
            var message = Grpc_Health_V1_HealthCheckResponse()
            message.status = .serviceUnknown
            try await response.write(message)
            for await _ in status.changes() {}
            return
        }
        for await current in status.changes() {
            var message = Grpc_Health_V1_HealthCheckResponse()
            message.status = current
            try await response.write(message)
        }
    }

    private func isKnown(_ service: String) -> Bool {
        service.isEmpty || serviceNames.contains(service)
    }
}
