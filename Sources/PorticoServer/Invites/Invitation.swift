import Foundation
import PorticoAPI
import ProtoWire

/// One invite to carry out: who joins which tenant (and client) in which role, and who
/// asked for it.
struct Invitation: Sendable {
    /// The `kind` `claim_invite_slot` records; also the new membership's role.
    enum Kind: String, Sendable {
        case admin = "ADMIN"
        case tech = "TECH"
        case owner = "OWNER"
        case member = "MEMBER"

        var role: Portico_V1_Role { Portico_V1_Role(databaseName: rawValue) }
    }

    var kind: Kind
    var tenantID: UUID
    /// The client company, for OWNER and MEMBER.
    var clientID: UUID?
    var name: PersonName
    var email: EmailAddress
    /// Nil for the operator's invite of a tenant's first ADMIN.
    var inviterUserID: UUID?
    /// The membership's `invited_by_name` snapshot, read in the invite's transaction
    /// (the name the inviter's own membership records); empty for the operator.
    var inviterName = ""
    /// Chosen here, not by the database: the operator's context cannot read the row
    /// back, and the cap's ledger records the id before the row exists.
    var membershipID = UUID()
}

/// A fresh temporary password with its hash, made before the invite's transaction
/// begins: hashing takes tens of milliseconds, and the transaction holds the tenant's
/// invite lock from its first statement.
struct PreparedPassword: Sendable {
    var password: TemporaryPassword
    var hash: String
    var expiresAt: Date

    static func make(hasher: PasswordHasher, lifetime: Duration) async throws -> PreparedPassword {
        let password = TemporaryPassword.generate()
        let hash = try await hasher.hash(password.value)
        return PreparedPassword(
            password: password, hash: hash, expiresAt: Date(timeIntervalSinceNow: lifetime.totalSeconds)
        )
    }
}

extension Portico_V1_InviteQuota {
    /// A row of `invite_quota` or `claim_invite_slot`: used, limit, next free time.
    init(_ row: (Int32, Int32, Date?)) {
        self.init()
        used = row.0
        limit = row.1
        if let next = row.2 { nextFreeAt = Google_Protobuf_Timestamp(date: next) }
    }
}
