public import GRPCCore

/// Portico's own SQLSTATEs, for domain errors raised by our SQL (functions, triggers,
/// constraints written as PL/pgSQL). PostgreSQL uses no class `PT`, so these never
/// collide with its codes:
///
///     RAISE EXCEPTION USING ERRCODE = 'PT412',
///         MESSAGE = 'the work order is already closed';
///
/// The MESSAGE goes to the client unchanged, so it must be short, client-safe and free
/// of SQL, internal names and other tenants' data. An unlisted `PT` code maps to
/// FAILED_PRECONDITION.
public enum DomainSQLState: String, Sendable, CaseIterable {
    case invalidArgument = "PT400"
    case unauthenticated = "PT401"
    case permissionDenied = "PT403"
    case notFound = "PT404"
    case alreadyExists = "PT409"
    case failedPrecondition = "PT412"
    case resourceExhausted = "PT429"

    /// The gRPC status code this SQLSTATE becomes.
    public var code: RPCError.Code {
        switch self {
        case .invalidArgument: .invalidArgument
        case .unauthenticated: .unauthenticated
        case .permissionDenied: .permissionDenied
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .failedPrecondition: .failedPrecondition
        case .resourceExhausted: .resourceExhausted
        }
    }
}
