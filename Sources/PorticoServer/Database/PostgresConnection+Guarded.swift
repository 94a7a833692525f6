import Logging
import NIOCore
import PostgresNIO

/// Queries that cannot hang on a connection PostgreSQL has closed.
///
/// postgres-nio 1.33.2 writes a query to its channel and waits for its handler to answer;
/// once the channel has closed the handler is gone, the write fails silently and the
/// caller waits forever (holding its pooled connection). That happens whenever a query
/// starts just after the server went away: the ROLLBACK after a failed statement, the
/// next statement of a transaction, a pooled connection that died while idle. Checking
/// that the channel is open and writing the query in the same event-loop turn closes the
/// gap: while the channel is open its handler is in place and answers every query,
/// with an error if the connection then closes.
extension PostgresConnection {
    func guardedQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresQueryResult {
        try await eventLoop.flatSubmit { [self] in
            guard !isClosed else {
                return eventLoop.makeFailedFuture(DatabaseError(
                    code: .connectionClosed,
                    message: "the database connection is closed"
                ))
            }
            return self.query(query, logger: logger)
        }.get()
    }

    /// BEGIN, `body`, COMMIT; ROLLBACK when `body` throws (its error is rethrown as it
    /// is). A connection whose ROLLBACK fails is closed, so the pool never hands out a
    /// connection stuck inside a transaction.
    func guardedTransaction<Result: Sendable>(
        logger: Logger,
        _ body: () async throws -> Result
    ) async throws -> Result {
        _ = try await guardedQuery("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body()
        } catch {
            await rollBack(logger: logger)
            throw error
        }
        let commit = try await guardedQuery("COMMIT", logger: logger)
        // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, not an
        // error: the body swallowed an error and its writes are gone.
        guard commit.metadata.command != "ROLLBACK" else {
            throw DatabaseError(
                code: .transactionRolledBack,
                message: "the transaction was rolled back: a statement in it failed"
            )
        }
        return result
    }

    private func rollBack(logger: Logger) async {
        do {
            _ = try await guardedQuery("ROLLBACK", logger: logger)
        } catch {
            logger.debug("ROLLBACK failed; closing the connection", metadata: [
                "error": "\(PostgresErrorMapping.logDescription(of: error))"
            ])
            try? await close()
        }
    }
}
