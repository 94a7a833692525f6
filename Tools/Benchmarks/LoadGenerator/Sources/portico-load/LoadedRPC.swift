import ArgumentParser
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI

/// The unary method a load run calls.
///
/// `whoami` is the benchmark: authentication (one session lookup in PostgreSQL), then
/// an answer from the principal. `health` (grpc.health.v1.Health/Check) is public and
/// never touches the database, but passes the same interceptors: the difference between
/// the two is what the session lookup costs the server.
enum LoadedRPC: String, ExpressibleByArgument, CaseIterable, Sendable {
    case whoami
    case health

    typealias Call = @Sendable () async throws -> Void

    /// One call on `client`, failing unless the answer is the expected one.
    func makeCall(on client: GRPCClient<HTTP2ClientTransport.Posix>, token: String?) throws -> Call {
        switch self {
        case .whoami:
            guard let token else {
                throw ValidationError("set PORTICO_TOKEN to a session token (portico-load login prints one)")
            }
            let auth = Portico_V1_Auth.Client(wrapping: client)
            let metadata: Metadata = ["authorization": "Bearer \(token)"]
            let request = Portico_V1_WhoAmIRequest()
            return {
                let response = try await auth.whoAmI(request, metadata: metadata)
                guard response.hasPrincipal else { throw LoadError("WhoAmI answered without a principal") }
            }
        case .health:
            let health = Grpc_Health_V1_Health.Client(wrapping: client)
            let request = Grpc_Health_V1_HealthCheckRequest()
            return {
                let response = try await health.check(request)
                guard response.status == .serving else { throw LoadError("Health/Check answered \(response.status)") }
            }
        }
    }
}

extension LoadedRPC {
    var methodName: String {
        switch self {
        case .whoami: "Auth/WhoAmI"
        case .health: "Health/Check"
        }
    }
}
