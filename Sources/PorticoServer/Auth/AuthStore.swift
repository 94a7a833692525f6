import Foundation
import PostgresNIO

/// The SQL behind sign-in, sessions, passwords and the sign-in throttle. Lookups before
/// a principal exists go through the schema's SECURITY DEFINER functions (one statement
/// each) and `login_attempts`; everything after runs with the user's own RLS context.
struct AuthStore: Sendable {
    let database: Database
    private let sessionLookups: LookupBatcher<[UInt8], Principal?>

    /// Most sessions one lookup statement asks for.
    static let maximumLookupBatch = 64

    init(database: Database) {
        self.database = database
        self.sessionLookups = LookupBatcher(maximumBatchSize: Self.maximumLookupBatch) { hashes in
            try await Self.principals(forTokenHashes: hashes, in: database)
        }
    }

    /// The live session with this token hash, or nil (unknown, expired or revoked).
    /// It runs on every authenticated call, always in PostgreSQL: calls that arrive
    /// together share one statement (see `LookupBatcher`), nothing is cached.
    func principal(forTokenHash tokenHash: [UInt8]) async throws -> Principal? {
        try await sessionLookups.value(for: tokenHash)
    }

    /// The login's stored credentials, or nil for an unknown email.
    func credentials(forEmail email: String) async throws -> StoredCredentials? {
        let rows = try await database.query(
            """
            SELECT user_id, password_hash, password_is_temporary, temporary_password_expires_at
            FROM portico.login_candidate(\(email))
            """
        )
        for row in rows {
            let (userID, hash, temporary, expiry) = try row.decode((UUID, String, Bool, Date?).self)
            return StoredCredentials(
                userID: userID, passwordHash: hash, isTemporary: temporary, temporaryExpiresAt: expiry
            )
        }
        return nil
    }

    /// Every membership of the login: the operator role first, then tenants by name.
    func memberships(ofUser userID: UUID) async throws -> [MembershipRow] {
        try await database.withContext(.user(userID)) { connection in
            let operatorRows = try await connection.query(
                "SELECT id FROM portico.operators WHERE user_id = \(userID)"
            )
            var memberships = try operatorRows.map { MembershipRow(operatorID: try $0.decode(UUID.self)) }
            let rows = try await connection.query(
                """
                SELECT m.id, m.role, m.tenant_id, t.name, m.client_id, c.name
                FROM portico.memberships m
                JOIN portico.tenants t ON t.id = m.tenant_id
                LEFT JOIN portico.clients c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
                WHERE m.user_id = \(userID)
                ORDER BY t.sort_name, t.id
                """
            )
            memberships += try rows.map(MembershipRow.init(row:))
            return memberships
        }
    }

    /// The stored hash of the user's own password (for ChangePassword's check).
    func passwordHash(ofUser userID: UUID) async throws -> String? {
        try await database.withContext(.user(userID)) { connection in
            let rows = try await connection.query(
                "SELECT password_hash FROM portico.auth_users WHERE id = \(userID)"
            )
            if let row = rows.first { return try row.decode(String.self) }
            return nil
        }
    }

    /// Sets a new password, clears the calling session's change flag and ends every
    /// other session of the user, in one transaction. Returns the session's expiry.
    func replacePassword(
        userID: UUID, keepingSession sessionID: UUID, newHash: String
    ) async throws -> Date {
        try await database.withContext(.user(userID)) { connection in
            try await connection.query(
                """
                UPDATE portico.auth_users
                SET password_hash = \(newHash), password_is_temporary = false,
                    temporary_password_expires_at = NULL, password_changed_at = now()
                WHERE id = \(userID)
                """
            )
            try await connection.query(
                "DELETE FROM portico.sessions WHERE user_id = \(userID) AND id <> \(sessionID)"
            )
            let rows = try await connection.query(
                """
                UPDATE portico.sessions SET password_change_required = false
                WHERE id = \(sessionID) RETURNING expires_at
                """
            )
            if let row = rows.first { return try row.decode(Date.self) }
            // The session vanished mid-call (logged out elsewhere): the password change
            // must not commit without it.
            throw PorticoError.unauthenticated
        }
    }
}

/// A login's row as `login_candidate` returns it.
struct StoredCredentials: Sendable {
    var userID: UUID
    var passwordHash: String
    var isTemporary: Bool
    var temporaryExpiresAt: Date?
}
