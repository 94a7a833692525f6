import PostgresNIO

extension Database {
    /// Runs a prepared statement outside any context (like `query`) and returns its
    /// rows: for the per-call session lookup, which is parsed once per connection.
    func execute<Statement: PostgresPreparedStatement>(
        _ statement: Statement
    ) async throws -> [Statement.Row] where Statement.Row: Sendable {
        let logger = self.logger
        return try await leaser.withConnection { connection in
            var rows: [Statement.Row] = []
            for try await row in try await connection.execute(statement, logger: logger) {
                rows.append(row)
            }
            return rows
        }
    }
}
