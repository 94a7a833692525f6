import PostgresNIO

/// A one-line description of a database error for logs: SQLSTATE, PostgreSQL's message,
/// and the schema object involved. Never the query text, bind values or DETAIL (which
/// can quote row values such as emails or temporary passwords).
///
/// The cluster manager uses it for its set-up statements; the server's
/// `PostgresErrorMapping.logDescription` first unwraps transaction errors.
public enum PostgresErrorSummary {
    public static func describe(_ error: any Error) -> String {
        guard let psqlError = error as? PSQLError else {
            return String(describing: type(of: error)) + ": " + String(describing: error)
        }
        guard psqlError.code == .server, let info = psqlError.serverInfo else {
            let underlying = psqlError.underlying.map { " (\($0))" } ?? ""
            return "PSQLError \(psqlError.code)\(underlying)"
        }
        var parts = ["SQLSTATE \(info[.sqlState] ?? "?")", info[.message] ?? ""]
        if let table = info[.tableName] { parts.append("table \(table)") }
        if let constraint = info[.constraintName] { parts.append("constraint \(constraint)") }
        return parts.joined(separator: ", ")
    }
}
