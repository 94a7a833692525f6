import Foundation
import LocalPostgres
import Logging
import PostgresNIO
@testable import PorticoServer

let testLogger = Logger(label: "portico.tests.database")

/// Runs `body` with a `Database` whose pool runs for exactly that long.
func withDatabase<T: Sendable>(
    _ settings: PostgresConnectionSettings,
    options: Database.Options = .init(),
    _ body: (Database) async throws -> T
) async throws -> T {
    let database = Database(settings: settings, logger: testLogger, options: options)
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
        group.addTask { await database.run() }
        defer { group.cancelAll() }
        return try await body(database)
    }
}

extension Database {
    /// The first column of every row of `query`, run with `context`.
    func column<Value: PostgresDecodable & Sendable>(
        _ query: PostgresQuery,
        as type: Value.Type,
        context: DatabaseContext
    ) async throws -> [Value] {
        try await withContext(context) { connection in
            try await connection.query(query).map { try $0.decode(Value.self) }
        }
    }

    /// The number of rows `statement` changed, run with `context`.
    func affectedRows(_ statement: PostgresQuery, context: DatabaseContext) async throws -> Int {
        try await withContext(context) { connection in
            try await connection.execute(statement)
        }
    }
}

/// Retries `attempt` until it succeeds or `bound` has passed (then rethrows its error).
func firstSuccess<T: Sendable>(
    within bound: Duration,
    _ attempt: () async throws -> T
) async throws -> T {
    let deadline = ContinuousClock.now + bound
    while true {
        do {
            return try await attempt()
        } catch where ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
