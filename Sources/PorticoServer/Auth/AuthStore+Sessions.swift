import Foundation
import NIOCore
import PorticoAPI
import PostgresNIO

extension Principal {
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

    /// The position column of a `batchLookupQuery` row (1-based).
    static func batchPosition(of row: PostgresRow) throws -> Int {
        try row.makeRandomAccess()[12].decode(Int.self)
    }

    /// A row of `lookupQuery` (or the leading columns of `batchLookupQuery`).
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
