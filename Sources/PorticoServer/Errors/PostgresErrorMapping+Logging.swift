import PostgresNIO

extension PostgresErrorMapping {
    /// A one-line description for server logs: SQLSTATE, PostgreSQL's message, and the
    /// schema object involved. Never the query text, bind values or DETAIL (which can
    /// quote row values such as emails).
    public static func logDescription(of error: any Error) -> String {
        let error = unwrapped(error)
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
