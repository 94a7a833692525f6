import Foundation
import PorticoAPI

/// One invite to carry out: who joins which tenant (and client) in which role, and who
/// asked for it.
struct Invitation: Sendable {
    /// The new membership's role; `claim_invite_slot` records it as the invite's kind.
    enum Kind: Sendable {
        case admin
        case tech
        case owner
        case member

        var databaseRole: DatabaseRole {
            switch self {
            case .admin: .admin
            case .tech: .tech
            case .owner: .owner
            case .member: .member
            }
        }

        var role: Portico_V1_Role { Portico_V1_Role(databaseRole) }
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
