public import Logging
public import PostgresNIO

/// The connection a `Database.withContext` body works with: one transaction, the
/// caller's context already set. A statement never hangs on a connection PostgreSQL
/// has closed: it fails, and the error maps to UNAVAILABLE.
///
/// Only valid inside the body it was passed to.
public struct DatabaseConnection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns all its rows (read them with `for try await`,
    /// `decode(_:)`, or `rows`). `logger` defaults to the database's.
    @discardableResult
    public func query(_ query: PostgresQuery, logger: Logger? = nil) async throws -> DatabaseRows {
        DatabaseRows(try await connection.guardedQuery(query, logger: logger ?? self.logger))
    }

    /// Runs one INSERT, UPDATE or DELETE and returns how many rows it changed.
    @discardableResult
    public func execute(_ statement: PostgresQuery) async throws -> Int {
        try await query(statement).affectedRows
    }
}

/// Everything one statement returned, already received. An `AsyncSequence` of rows so
/// postgres-nio's `decode(_:)` works on it as on a row sequence.
public struct DatabaseRows: AsyncSequence, Sendable {
    public typealias Element = PostgresRow

    /// The rows, in order.
    public let rows: [PostgresRow]
    /// How many rows the statement inserted, updated, deleted or returned.
    public let affectedRows: Int

    init(_ result: PostgresQueryResult) {
        rows = result.rows
        affectedRows = result.metadata.rows ?? result.rows.count
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: IndexingIterator<[PostgresRow]>

        public mutating func next() async -> PostgresRow? {
            base.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: rows.makeIterator())
    }

    /// The rows as an array (as `PostgresRowSequence.collect()`).
    public func collect() -> [PostgresRow] {
        rows
    }
}
