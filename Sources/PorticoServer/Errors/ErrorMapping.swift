import GRPCCore

/// Maps any error a call can end with to the status a client sees.
enum ErrorMapping {
    struct Mapped {
        var error: RPCError
        /// A bug or an outage rather than a caller's mistake: worth a log line.
        var isUnexpected: Bool
    }

    /// `PostgresErrorMapping` already unwraps transaction errors and passes `RPCError`
    /// and `RPCErrorConvertible` (so `PorticoError`) through; what it does not know is
    /// not a caller's mistake, so it becomes INTERNAL with no detail.
    static func rpcError(for error: any Error) -> Mapped {
        guard let mapped = PostgresErrorMapping.rpcError(for: error) else {
            return Mapped(error: RPCError(PorticoError.internalError), isUnexpected: true)
        }
        let unexpected: Set<RPCError.Code> = [.internalError, .unknown, .unavailable]
        return Mapped(error: mapped, isUnexpected: unexpected.contains(mapped.code))
    }
}
