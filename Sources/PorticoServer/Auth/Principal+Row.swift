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

    /// A row of `lookupQuery`.
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
