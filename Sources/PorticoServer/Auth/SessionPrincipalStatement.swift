import Foundation
import NIOCore
import PorticoAPI
import PostgresNIO

/// The per-call session lookup as a prepared statement: parsed once per connection,
/// then only bound and executed, since every authenticated RPC runs it.
struct SessionPrincipalStatement: PostgresPreparedStatement {
    static let sql = """
        SELECT session_id, user_id, email, display_name, role, membership_id, tenant_id,
               tenant_name, client_id, client_name, expires_at, password_change_required
        FROM portico.session_principal($1)
        """

    typealias Row = Principal

    var tokenHash: [UInt8]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(ByteBuffer(bytes: tokenHash))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Principal {
        let (
            sessionID, userID, email, displayName, role, membershipID, tenantID, tenantName,
            clientID, clientName, expiresAt, passwordChangeRequired
        ) = try row.decode(
            (UUID, UUID, String, String, String, UUID, UUID?, String?, UUID?, String?, Date, Bool).self
        )
        return Principal(
            sessionID: sessionID, userID: userID, email: email, displayName: displayName,
            role: Portico_V1_Role(databaseName: role), membershipID: membershipID,
            tenantID: tenantID, tenantName: tenantName, clientID: clientID, clientName: clientName,
            expiresAt: expiresAt, passwordChangeRequired: passwordChangeRequired
        )
    }
}
