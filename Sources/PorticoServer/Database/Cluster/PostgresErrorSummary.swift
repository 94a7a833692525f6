import PostgresNIO

/// A one-line account of a postgres-nio error for logs and cluster errors: the server's
/// SQLSTATE and message, or the client-side error code. Never `String(reflecting:)`, which
/// prints the query and its bind values (a password, in the cluster's setup).
public func summarizePostgresError(_ error: any Error) -> String {
    if let transaction = error as? PostgresTransactionError {
        let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError
        return inner.map(summarizePostgresError) ?? "transaction failed"
    }
    guard let error = error as? PSQLError else { return String(describing: error) }
    if let message = error.serverInfo?[.message] {
        let state = error.serverInfo?[.sqlState] ?? "?????"
        return "SQLSTATE \(state): \(message)"
    }
    if let underlying = error.underlying {
        return "\(error.code): \(underlying)"
    }
    return "\(error.code)"
}
