import Foundation
import PorticoAPI
import NIOCore
import PostgresNIO

/// The SQL behind sign-in and sessions. Lookups before a principal exists go through
/// the schema's SECURITY DEFINER functions (one statement each); everything after
/// runs with the user's own RLS context.
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

    /// One index lookup per hash, in one statement; a lone hash uses the plain lookup.
    static func principals(
        forTokenHashes hashes: [[UInt8]], in database: Database
    ) async throws -> [Principal?] {
        if hashes.count == 1 {
            return [try await database.query(Principal.lookupQuery(tokenHash: hashes[0])).first.map(Principal.init(row:))]
        }
        var principals = [Principal?](repeating: nil, count: hashes.count)
        for row in try await database.query(Principal.batchLookupQuery(tokenHashes: hashes)) {
            let position = try Principal.batchPosition(of: row)
            guard principals.indices.contains(position - 1) else {
                throw PorticoError(.internalError, "internal error")
            }
            principals[position - 1] = try Principal(row: row)
        }
        return principals
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
    func memberships(ofUser userID: UUID) async throws -> [Portico_V1_Membership] {
        try await database.withContext(.user(userID)) { connection in
            var memberships: [Portico_V1_Membership] = []
            let operatorRows = try await connection.query(
                "SELECT id FROM portico.operators WHERE user_id = \(userID)"
            )
            for row in operatorRows {
                memberships.append(.operatorMembership(id: try row.decode(UUID.self)))
            }
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
            for row in rows {
                let (id, role, tenantID, tenantName, clientID, clientName) =
                    try row.decode((UUID, String, UUID, String, UUID?, String?).self)
                var membership = Portico_V1_Membership()
                membership.id = id.uuidString.lowercased()
                membership.role = Portico_V1_Role(databaseName: role)
                membership.tenantId = tenantID.uuidString.lowercased()
                membership.tenantName = tenantName
                membership.clientId = clientID?.uuidString.lowercased() ?? ""
                membership.clientName = clientName ?? ""
                memberships.append(membership)
            }
            return memberships
        }
    }

    /// Stores a new session for one of the user's memberships and returns its expiry.
    func createSession(
        tokenHash: [UInt8], userID: UUID, membership: Portico_V1_Membership,
        passwordChangeRequired: Bool, lifetime: Duration
    ) async throws -> Date {
        let lifetimeSeconds = lifetime.totalSeconds
        let isOperator = membership.role == .operator
        let membershipID = UUID(uuidString: membership.id)
        let tenantID = UUID(uuidString: membership.tenantId)
        let clientID = UUID(uuidString: membership.clientId)
        let role = membership.role.databaseName
        return try await database.withContext(.user(userID)) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO portico.sessions
                    (token_hash, user_id, role, tenant_id, membership_id, operator_id, client_id,
                     password_change_required, expires_at)
                VALUES (\(ByteBuffer(bytes: tokenHash)), \(userID), \(role), \(isOperator ? nil : tenantID),
                        \(isOperator ? nil : membershipID), \(isOperator ? membershipID : nil),
                        \(clientID), \(passwordChangeRequired),
                        now() + make_interval(secs => \(lifetimeSeconds)))
                RETURNING expires_at
                """
            )
            if let row = rows.first { return try row.decode(Date.self) }
            throw PorticoError(.internalError, "internal error")
        }
    }

    /// Ends one session of the user.
    func deleteSession(_ sessionID: UUID, userID: UUID) async throws {
        try await database.withContext(.user(userID)) { connection in
            try await connection.query(
                "DELETE FROM portico.sessions WHERE id = \(sessionID)"
            )
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
