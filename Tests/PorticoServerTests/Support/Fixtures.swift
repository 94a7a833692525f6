import Foundation
import LocalPostgres
import Logging
import PorticoAPI
@testable import PorticoServer
import PostgresNIO

/// Rows a test needs before it can call anything, written as the schema owner (the
/// invite flow that creates them for real arrives with issue 4).
struct Fixtures: Sendable {
    let owner: PostgresConnectionSettings
    let hasher: PasswordHasher

    static let operatorPassword = "operator password for tests"
    static let password = "a long enough password"

    func tenant(_ name: String = "Tenant \(UUID().uuidString.prefix(8))") async throws -> UUID {
        try await single("INSERT INTO portico.tenants (name) VALUES (\(name)) RETURNING id")
    }

    func client(in tenant: UUID, name: String = "Client") async throws -> UUID {
        try await single("INSERT INTO portico.clients (tenant_id, name) VALUES (\(tenant), \(name)) RETURNING id")
    }

    /// A login; temporary passwords expire after `temporaryFor`.
    func user(
        email: String = "user-\(UUID().uuidString.prefix(8).lowercased())@example.com",
        password: String = Fixtures.password, displayName: String = "Test User",
        temporaryFor: Duration? = nil
    ) async throws -> (id: UUID, email: String) {
        let hash = try await hasher.hash(password)
        let expiry: Date? = temporaryFor.map { Date(timeIntervalSinceNow: $0.totalSeconds) }
        let id: UUID = try await single(
            """
            INSERT INTO portico.auth_users
                (email, display_name, password_hash, password_is_temporary, temporary_password_expires_at)
            VALUES (\(email), \(displayName), \(hash), \(temporaryFor != nil), \(expiry))
            RETURNING id
            """
        )
        return (id, email)
    }

    @discardableResult
    func membership(
        user: UUID, tenant: UUID, role: Portico_V1_Role, client: UUID? = nil, displayName: String = ""
    ) async throws -> UUID {
        try await single(
            """
            INSERT INTO portico.memberships (tenant_id, user_id, role, client_id, display_name)
            VALUES (\(tenant), \(user), \(role.databaseName), \(client), \(displayName)) RETURNING id
            """
        )
    }

    /// A login holding `role` (in a new tenant, and a new client for client roles).
    func member(_ role: Portico_V1_Role, temporaryFor: Duration? = nil) async throws -> (user: UUID, email: String, tenant: UUID?) {
        let user = try await self.user(temporaryFor: temporaryFor)
        if role == .operator {
            let _: UUID = try await single("INSERT INTO portico.operators (user_id) VALUES (\(user.id)) RETURNING id")
            return (user.id, user.email, nil)
        }
        let tenant = try await tenant()
        let client: UUID? = (role == .owner || role == .member) ? try await self.client(in: tenant) : nil
        try await membership(user: user.id, tenant: tenant, role: role, client: client)
        return (user.id, user.email, tenant)
    }

    func execute(_ query: PostgresQuery) async throws {
        try await withOwnerConnection { connection in
            _ = try await connection.query(query, logger: Self.logger)
        }
    }

    func single<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T {
        try await withOwnerConnection { connection in
            let rows = try await connection.query(query, logger: Self.logger)
            for try await value in rows.decode(T.self) { return value }
            throw FixtureError.noRow
        }
    }

    func withOwnerConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: owner.connectionConfiguration(), id: 1, logger: Self.logger
        )
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static let logger = Logger(label: "portico.test.fixtures")
}

enum FixtureError: Error { case noRow }
