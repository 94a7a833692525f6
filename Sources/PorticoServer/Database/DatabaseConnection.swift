import Logging
public import PostgresNIO

/// The connection a `Database.withContext` body works with: one transaction, the
/// caller's context already set. Every statement's rows are collected before it
/// returns, and a statement never hangs on a connection PostgreSQL has closed (it fails,
/// and the error maps to UNAVAILABLE).
///
/// Only valid inside the body it was passed to.
public struct DatabaseConnection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns all its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.guardedQuery(query, logger: logger).rows
    }

    /// Runs one INSERT, UPDATE or DELETE and returns how many rows it changed.
    @discardableResult
    public func execute(_ statement: PostgresQuery) async throws -> Int {
        try await connection.guardedQuery(statement, logger: logger).metadata.rows ?? 0
    }
}
