import Foundation
import PorticoAPI
import PostgresNIO

/// One membership joined with its login: what `UserStore` reads.
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
    /// `sort_name` (the stored `lower(display_name)`): the list's sort key.
    var sortName: String

    init(
        membershipID: UUID, userID: UUID, name: String, email: String, role: Portico_V1_Role,
        clientID: UUID?, passwordIsTemporary: Bool, invitedAt: Date, invitedByName: String,
        temporaryPasswordExpiresAt: Date?, sortName: String
    ) {
        self.membershipID = membershipID
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.clientID = clientID
        self.passwordIsTemporary = passwordIsTemporary
        self.invitedAt = invitedAt
        self.invitedByName = invitedByName
        self.temporaryPasswordExpiresAt = temporaryPasswordExpiresAt
        self.sortName = sortName
    }

    init(row: PostgresRow) throws {
        let decoded = try row.decode(
            (UUID, UUID, String, String, String, UUID?, Bool, Date, String, Date?, String).self
        )
        membershipID = decoded.0
        userID = decoded.1
        name = decoded.2
        email = decoded.3
        role = Portico_V1_Role(databaseName: decoded.4)
        clientID = decoded.5
        passwordIsTemporary = decoded.6
        invitedAt = decoded.7
        invitedByName = decoded.8
        temporaryPasswordExpiresAt = decoded.9
        sortName = decoded.10
    }

    var pageKey: NameIDKey {
        NameIDKey(name: sortName, id: membershipID)
    }
}
