import Foundation
import PorticoAPI
import PostgresNIO
import ProtoWire

/// One membership joined with its login: what `UserDirectory` reads.
struct UserRow: Sendable {
    var membershipID: UUID
    var userID: UUID
    var name: String
    var email: String
    var role: Portico_V1_Role
    var clientID: UUID?
    var passwordIsTemporary: Bool
    var invitedAt: Date
    var invitedByName: String
    var temporaryPasswordExpiresAt: Date?
    /// `lower(display_name)`: the list's sort key.
    var sortName: String

    /// The select list, in `init(row:)`'s order. A membership made before names were
    /// recorded shows the login's own display name.
    static let columns = """
        m.id, m.user_id,
        CASE WHEN m.display_name <> '' THEN m.display_name ELSE u.display_name END,
        u.email, m.role, m.client_id, u.password_is_temporary, m.invited_at,
        m.invited_by_name, u.temporary_password_expires_at, lower(m.display_name)
        """

    /// The login must be visible too: RLS shows admins their tenant's logins and owners
    /// their company's.
    static let source = "portico.memberships m JOIN portico.auth_users u ON u.id = m.user_id"

    init(row: PostgresRow) throws {
        let decoded = try row.decode(
            (UUID, UUID, String, String, String, UUID?, Bool, Date, String, Date?, String).self
        )
        (membershipID, userID, name, email) = (decoded.0, decoded.1, decoded.2, decoded.3)
        role = Portico_V1_Role(databaseName: decoded.4)
        (clientID, passwordIsTemporary, invitedAt, invitedByName) = (decoded.5, decoded.6, decoded.7, decoded.8)
        (temporaryPasswordExpiresAt, sortName) = (decoded.9, decoded.10)
    }

    var pageKey: UserPageKey {
        UserPageKey(name: sortName, membershipID: membershipID)
    }

    /// INVITED while the login still has its temporary password (rule 4), else ACTIVE.
    var user: Portico_V1_User {
        var user = Portico_V1_User()
        user.membershipId = membershipID.uuidString.lowercased()
        user.userId = userID.uuidString.lowercased()
        user.name = name
        user.email = email
        user.role = role
        user.clientId = clientID?.uuidString.lowercased() ?? ""
        user.status = passwordIsTemporary ? .invited : .active
        user.invitedAt = Google_Protobuf_Timestamp(date: invitedAt)
        user.invitedByName = invitedByName
        if passwordIsTemporary, let expiry = temporaryPasswordExpiresAt {
            user.temporaryPasswordExpiresAt = Google_Protobuf_Timestamp(date: expiry)
        }
        return user
    }
}
