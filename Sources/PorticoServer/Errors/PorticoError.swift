public import GRPCCore

/// A failure a client may see: a gRPC status code and a message written for the caller.
///
/// Handlers throw these for domain rules ("an owner already exists"), bad input
/// ("email: must not be empty") and denied access. The message is client-safe by
/// construction; `cause` keeps the underlying error for the server's log only.
public struct PorticoError: Error, RPCErrorConvertible, CustomStringConvertible {
    public var code: RPCError.Code
    public var message: String
    public var cause: (any Error)?

    public init(_ code: RPCError.Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var rpcErrorCode: RPCError.Code { code }
    public var rpcErrorMessage: String { message }

    public var description: String { "\(code): \(message)" }
}

extension PorticoError {
    /// A field failed validation: `INVALID_ARGUMENT` naming the field.
    public static func invalidField(_ field: String, _ problem: String) -> PorticoError {
        PorticoError(.invalidArgument, "\(field): \(problem)")
    }

    /// The row does not exist, or belongs to another tenant or company: the two are
    /// indistinguishable on purpose (Schema/README.md, error contract).
    public static func notFound(_ what: String) -> PorticoError {
        PorticoError(.notFound, "\(what) not found")
    }

    public static let unauthenticated = PorticoError(
        .unauthenticated, "missing, invalid or expired session; sign in again"
    )

    public static let permissionDenied = PorticoError(
        .permissionDenied, "your role may not call this method"
    )

    /// A bug or an unexpected state of our own (a row that must exist is missing): the
    /// caller learns nothing more, the server's log has the cause.
    public static let internalError = PorticoError(RPCError.Code.internalError, "internal error")

    public static let passwordChangeRequired = PorticoError(
        .failedPrecondition,
        "the temporary password must be changed first (Auth/ChangePassword)"
    )
}

extension PorticoError: Equatable {
    /// Two errors are the same when the client would see the same thing.
    public static func == (lhs: PorticoError, rhs: PorticoError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
