import PorticoAPI
import ProtoWire

extension Portico_V1_User {
    /// A user as the API shows it: INVITED while the login still has its temporary
    /// password (rule 4), else ACTIVE, with the temporary password's expiry only then.
    init(_ row: UserRow) {
        self.init()
        membershipId = row.membershipID.uuidString.lowercased()
        userId = row.userID.uuidString.lowercased()
        name = row.name
        email = row.email
        role = row.role
        clientId = row.clientID?.uuidString.lowercased() ?? ""
        status = Portico_V1_UserStatus(temporaryPassword: row.passwordIsTemporary)
        invitedAt = Google_Protobuf_Timestamp(date: row.invitedAt)
        invitedByName = row.invitedByName
        if row.passwordIsTemporary, let expiry = row.temporaryPasswordExpiresAt {
            temporaryPasswordExpiresAt = Google_Protobuf_Timestamp(date: expiry)
        }
    }
}
