public import GRPCCore

extension PostgresErrorMapping {
    /// Maps a SQLSTATE reported by PostgreSQL.
    ///
    /// `42501` (a missing grant, or a row rejected by a policy's WITH CHECK) is
    /// PERMISSION_DENIED, not NOT_FOUND: the check looks only at the row being
    /// written, so the answer reveals nothing about other tenants' rows, and it is the
    /// truthful answer to "you may not write this". Rows hidden by a policy's USING
    /// never raise anything; they are simply absent, and the handler answers
    /// NOT_FOUND for them.
    ///
    /// `serverMessage` is passed to the client only for Portico's own domain errors
    /// (class `PT`, see `DomainSQLState`), whose messages are written to be shown.
    public static func rpcError(sqlState: String, serverMessage: String, cause: any Error) -> RPCError {
        if let domain = DomainSQLState(rawValue: sqlState) {
            return RPCError(code: domain.code, message: serverMessage, cause: cause)
        }
        if sqlState.hasPrefix("PT") {
            return RPCError(code: .failedPrecondition, message: serverMessage, cause: cause)
        }
        if let (code, message) = exactStates[sqlState] ?? stateClasses[String(sqlState.prefix(2))] {
            return RPCError(code: code, message: message, cause: cause)
        }
        return internalError(cause: cause)
    }

    private static let exactStates: [String: (RPCError.Code, String)] = [
        "23505": (.alreadyExists, "already exists"),
        "23P01": (.alreadyExists, "conflicts with an existing record"),
        "23503": (.failedPrecondition, "a related record is missing or still in use"),
        "23001": (.failedPrecondition, "a related record is missing or still in use"),
        "23502": (.invalidArgument, "a required value is missing"),
        "23514": (.invalidArgument, "invalid value"),
        "40001": (.aborted, "conflict with a concurrent change, retry"),
        "40P01": (.aborted, "conflict with a concurrent change, retry"),
        "55P03": (.aborted, "conflict with a concurrent change, retry"),
        "42501": (.permissionDenied, "permission denied"),
        "57014": (.deadlineExceeded, "the database took too long"),
        "57P01": (.unavailable, "database unavailable"),
        "57P02": (.unavailable, "database unavailable"),
        "57P03": (.unavailable, "database unavailable"),
        "25006": (.unavailable, "database unavailable"),
    ]

    /// Whole SQLSTATE classes, after the exact states above.
    private static let stateClasses: [String: (RPCError.Code, String)] = [
        "22": (.invalidArgument, "invalid value"),
        "23": (.invalidArgument, "invalid value"),
        "08": (.unavailable, "database unavailable"),
        "28": (.unavailable, "database unavailable"),
        "53": (.unavailable, "database unavailable"),
    ]
}
