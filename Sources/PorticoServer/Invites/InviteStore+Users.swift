import Foundation
import PorticoAPI
import PostgresNIO

extension InviteStore {
    /// ListUsers: one keyset page of a client's users or the tenant's staff. A client
    /// the caller cannot see (unknown, another tenant's, or for an owner another
    /// company) is NOT_FOUND.
    func listUsers(
        _ scope: UserDirectory.Scope, after: UserPageKey?, limit: Int, by principal: Principal
    ) async throws -> [UserRow] {
        try await database.withContext(DatabaseContext(principal)) { connection in
            if case .client(let clientID) = scope, try await connection.clientName(clientID) == nil {
                throw PorticoError.notFound("client")
            }
            return try await UserDirectory(connection).page(of: scope, after: after, limit: limit)
        }
    }

    /// RemoveUser (rule 8): deletes the membership (its sessions go with it, by foreign
    /// key), then the login if that was its last membership, so the email is free
    /// again. Owners may remove only their own MEMBERs, admins any client user or tech;
    /// nobody removes themselves or an admin here.
    func remove(membershipID: UUID, by principal: Principal) async throws {
        try await database.withContext(DatabaseContext(principal)) { connection in
            guard let target = try await UserDirectory(connection).row(membershipID: membershipID) else {
                throw PorticoError.notFound("user")
            }
            try Self.checkRemovable(target, by: principal)
            let deleted = try await connection.execute(
                """
                DELETE FROM portico.memberships
                WHERE tenant_id = portico.current_tenant_id() AND id = \(membershipID)
                """
            )
            // The policies refused the row the checks above allowed: treat it as unseen.
            guard deleted == 1 else { throw PorticoError.notFound("user") }
            try await connection.query("SELECT portico.delete_login_if_orphaned(\(target.userID))")
        }
    }

    static func checkRemovable(_ target: UserRow, by principal: Principal) throws(PorticoError) {
        if target.membershipID == principal.membershipID {
            throw PorticoError(.failedPrecondition, "you cannot remove yourself")
        }
        switch (principal.role, target.role) {
        case (.admin, .tech), (.admin, .owner), (.admin, .member), (.owner, .member):
            return
        case (.admin, .admin):
            throw PorticoError(.permissionDenied, "an admin cannot remove another admin")
        default:
            throw PorticoError(.permissionDenied, "you may remove only members of your own company")
        }
    }

    /// GetInviteQuota.
    func quota(by principal: Principal) async throws -> Portico_V1_InviteQuota {
        try await database.withContext(DatabaseContext(principal)) { connection in
            try await connection.inviteQuota()
        }
    }
}
