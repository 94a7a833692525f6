import PostgresNIO

extension PostgresErrorMapping {
    /// The SQLSTATE of a database error (inside a transaction error or not), or nil.
    static func sqlState(of error: any Error) -> String? {
        (unwrapped(error) as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A unique constraint refused the write: handlers that know which constraint can
    /// say so more precisely than the generic ALREADY_EXISTS.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        sqlState(of: error) == "23505"
    }
}
