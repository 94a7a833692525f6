import GRPCCore

/// Maps any error a call can end with to the status a client sees.
enum ErrorMapping {
    struct Mapped {
        var error: RPCError
        /// A bug or an outage rather than a caller's mistake: worth a log line.
        var isUnexpected: Bool
    }

    static func rpcError(for error: any Error) -> Mapped {
        // A domain error thrown inside `withContext` arrives wrapped in the
        // transaction error; what the handler threw is what counts.
        switch PostgresErrorMapping.unwrapped(error) {
        case let error as RPCError:
            return Mapped(error: error, isUnexpected: error.code == .internalError || error.code == .unknown)
        case let error as PorticoError:
            return Mapped(error: RPCError(code: error.code, message: error.message), isUnexpected: error.code == .internalError)
        case let error as any RPCErrorConvertible:
            return Mapped(error: RPCError(code: error.rpcErrorCode, message: error.rpcErrorMessage), isUnexpected: false)
        case is CancellationError:
            return Mapped(error: RPCError(code: .cancelled, message: "the call was cancelled"), isUnexpected: false)
        default:
            if let database = PostgresErrorMapping.rpcError(for: error) {
                return Mapped(error: database, isUnexpected: database.code == .internalError || database.code == .unavailable)
            }
            return Mapped(error: RPCError(code: .internalError, message: "internal error"), isUnexpected: true)
        }
    }
}
