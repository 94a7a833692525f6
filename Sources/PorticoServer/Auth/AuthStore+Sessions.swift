import Foundation
import NIOCore
import PorticoAPI
import PostgresNIO

extension AuthStore {
    /// The per-call session lookup: one call of the SECURITY DEFINER function, an
    /// index lookup. It goes through `Database.query` (not a prepared statement)
    /// because only that path is guarded against a connection PostgreSQL closed during
    /// an outage; a lookup stuck there would keep the server from recovering.
    static func lookupQuery(tokenHash: [UInt8]) -> PostgresQuery {
        """
        SELECT session_id, user_id, email, display_name, role, membership_id, tenant_id,
               tenant_name, client_id, client_name, expires_at, password_change_required
        FROM portico.session_principal(\(ByteBuffer(bytes: tokenHash)))
        """
    }

    /// The lookup of several sessions in one statement: `lookupQuery`'s columns for
    /// each token hash that has a live session, then the hash's 1-based position in
    /// `tokenHashes` (unknown, expired and revoked sessions have no row).
    static func batchLookupQuery(tokenHashes: [[UInt8]]) -> PostgresQuery {
        let hashes = tokenHashes.map { ByteBuffer(bytes: $0) }
        return """
            SELECT s.session_id, s.user_id, s.email, s.display_name, s.role, s.membership_id,
                   s.tenant_id, s.tenant_name, s.client_id, s.client_name, s.expires_at,
                   s.password_change_required, t.position
            FROM unnest(\(hashes)::bytea[]) WITH ORDINALITY AS t(token_hash, position)
            CROSS JOIN LATERAL portico.session_principal(t.token_hash) s
            """
    }

    /// One index lookup per hash, in one statement; a lone hash uses the plain lookup.
    static func principals(
        forTokenHashes hashes: [[UInt8]], in database: Database
    ) async throws -> [Principal?] {
        if hashes.count == 1 {
            return [try await database.query(lookupQuery(tokenHash: hashes[0])).first.map(Principal.init(row:))]
        }
        var principals = [Principal?](repeating: nil, count: hashes.count)
        for row in try await database.query(batchLookupQuery(tokenHashes: hashes)) {
            // The position column follows `lookupQuery`'s twelve.
            let position = try row.makeRandomAccess()[12].decode(Int.self)
            guard principals.indices.contains(position - 1) else { throw PorticoError.internalError }
            principals[position - 1] = try Principal(row: row)
        }
        return principals
    }

    /// Stores a new session for one of the user's memberships and returns its expiry.
    func createSession(
        tokenHash: [UInt8], userID: UUID, membership: MembershipRow,
        passwordChangeRequired: Bool, lifetime: Duration
    ) async throws -> Date {
        let lifetimeSeconds = lifetime.totalSeconds
        let isOperator = membership.role == .operator
        let role = membership.role.databaseName
        return try await database.withContext(.user(userID)) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO portico.sessions
                    (token_hash, user_id, role, tenant_id, membership_id, operator_id, client_id,
                     password_change_required, expires_at)
                VALUES (\(ByteBuffer(bytes: tokenHash)), \(userID), \(role), \(membership.tenantID),
                        \(isOperator ? nil : membership.id), \(isOperator ? membership.id : nil),
                        \(membership.clientID), \(passwordChangeRequired),
                        now() + make_interval(secs => \(lifetimeSeconds)))
                RETURNING expires_at
                """
            )
            if let row = rows.first { return try row.decode(Date.self) }
            throw PorticoError.internalError
        }
    }

    /// Ends one session of the user.
    func deleteSession(_ sessionID: UUID, userID: UUID) async throws {
        try await database.withContext(.user(userID)) { connection in
            try await connection.execute("DELETE FROM portico.sessions WHERE id = \(sessionID)")
        }
    }
}

extension Principal {
    /// A row of `AuthStore.lookupQuery` (or the leading columns of `batchLookupQuery`).
    init(row: PostgresRow) throws {
        let (
            sessionID, userID, email, displayName, role, membershipID, tenantID, tenantName,
            clientID, clientName, expiresAt, passwordChangeRequired
        ) = try row.decode(
            (UUID, UUID, String, String, String, UUID, UUID?, String?, UUID?, String?, Date, Bool).self
        )
        self.init(
            sessionID: sessionID, userID: userID, email: email, displayName: displayName,
            role: Portico_V1_Role(databaseName: role), membershipID: membershipID,
            tenantID: tenantID, tenantName: tenantName, clientID: clientID, clientName: clientName,
            expiresAt: expiresAt, passwordChangeRequired: passwordChangeRequired
        )
    }
}

extension AuthStore {
    /// Which of `ids` are sessions that still exist and have not expired (for ending
    /// watch streams whose session is gone).
    func liveSessions(_ ids: [UUID]) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let rows = try await database.query("SELECT * FROM portico.live_sessions(\(ids)::uuid[])")
        return Set(try rows.map { try $0.decode(UUID.self) })
    }
}
