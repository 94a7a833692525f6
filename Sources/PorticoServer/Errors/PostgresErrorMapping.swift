public import GRPCCore
import LocalPostgres
import NIOCore
import PostgresNIO
import _ConnectionPoolModule

/// The one place database failures become gRPC statuses.
///
/// Messages are short, fixed and client-safe: never SQL, table or constraint names,
/// bind values, or a reflection of the error. The original error travels as the
/// `RPCError`'s `cause` for server-side logging (log it with `logDescription(of:)`).
public enum PostgresErrorMapping {
    /// The status for `error`, after unwrapping `PostgresTransactionError`:
    /// - `RPCError` and `RPCErrorConvertible` thrown inside a transaction come back
    ///   as they are;
    /// - PostgreSQL and connection errors map by SQLSTATE / kind (see
    ///   `rpcError(sqlState:serverMessage:cause:)`), unknown ones to INTERNAL
    ///   "internal error";
    /// - any other error is not a database error: nil, the caller maps it.
    public static func rpcError(for error: any Error) -> RPCError? {
        let error = unwrapped(error)
        switch error {
        case let error as RPCError:
            return error
        case let error as any RPCErrorConvertible:
            return RPCError(error)
        case let error as PSQLError:
            return mapped(error)
        case let error as DatabaseError:
            return error.code == .connectionTimeout || error.code == .connectionClosed
                ? unavailable(cause: error) : internalError(cause: error)
        case let error as ConnectionPoolError:
            return error == .requestCancelled
                ? RPCError(code: .cancelled, message: "cancelled", cause: error)
                : unavailable(cause: error)
        case is CancellationError:
            return RPCError(code: .cancelled, message: "cancelled", cause: error)
        case is ChannelError, is IOError:
            return unavailable(cause: error)
        case is PostgresDecodingError:
            return internalError(cause: error)
        default:
            return nil
        }
    }

    /// The error that decides the status: a transaction's BEGIN error, else what the
    /// closure threw (a failed ROLLBACK after it changes nothing for the caller),
    /// else the COMMIT error.
    public static func unwrapped(_ error: any Error) -> any Error {
        guard let transactionError = error as? PostgresTransactionError else { return error }
        if let cause = transactionError.beginError ?? transactionError.closureError
            ?? transactionError.commitError
        {
            return unwrapped(cause)
        }
        return error
    }

    static func mapped(_ error: PSQLError) -> RPCError {
        switch error.code {
        case .server:
            if let answer = UniqueConflict.answer(for: error) {
                return RPCError(code: answer.code, message: answer.message, cause: error)
            }
            return rpcError(
                sqlState: error.serverInfo?[.sqlState] ?? "",
                serverMessage: error.serverInfo?[.message] ?? "",
                cause: error
            )
        case .queryCancelled:
            return RPCError(code: .cancelled, message: "cancelled", cause: error)
        case .serverClosedConnection, .clientClosedConnection, .connectionError,
            .uncleanShutdown, .poolClosed, .sslUnsupported, .failedToAddSSLHandler,
            .receivedUnencryptedDataAfterSSLRequest, .unsupportedAuthMechanism,
            .authMechanismRequiresPassword, .saslError:
            return unavailable(cause: error)
        default:
            return internalError(cause: error)
        }
    }

    /// A one-line description for server logs (`PostgresErrorSummary`) of what
    /// `unwrapped(error)` is: never the query text, bind values or DETAIL.
    public static func logDescription(of error: any Error) -> String {
        PostgresErrorSummary.describe(unwrapped(error))
    }

    static func unavailable(cause: any Error) -> RPCError {
        RPCError(code: .unavailable, message: "database unavailable", cause: cause)
    }

    static func internalError(cause: any Error) -> RPCError {
        RPCError(code: .internalError, message: PorticoError.internalError.message, cause: cause)
    }
}
