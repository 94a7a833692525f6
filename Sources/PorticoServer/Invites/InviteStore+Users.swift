import Foundation
import PostgresNIO

extension InviteStore {
    /// ListUsers: one keyset page of a client's users or the tenant's staff. A client
    /// the caller cannot see (unknown, another tenant's, or for an owner another
    /// company) is NOT_FOUND.
    func listUsers(
        _ scope: UserStore.Scope, _ request: PageRequest, by principal: Principal
    ) async throws -> KeysetPage<UserRow> {
        // A malformed token is refused before the database is asked anything.
        let after = try NameIDKey(token: request.after) ?? .beforeAll
        return try await database.withContext(DatabaseContext(principal)) { connection in
            if case .client(let clientID) = scope, try await ClientStore.name(of: clientID, on: connection) == nil {
                throw PorticoError.notFound("client")
            }
            return try await UserStore.page(of: scope, after: after, request, on: connection)
        }
    }

    /// RemoveUser (rule 8). Owners may remove only their own MEMBERs, admins any client
    /// user or tech; nobody removes themselves or an admin here.
    func remove(membershipID: UUID, by principal: Principal) async throws {
        try await database.withContext(DatabaseContext(principal)) { connection in
            guard let target = try await UserStore.user(membershipID: membershipID, on: connection) else {
                throw PorticoError.notFound("user")
            }
            try Self.checkRemovable(target, by: principal)
            // The policies refused the row the checks above allowed: treat it as unseen.
            guard try await UserStore.remove(target, on: connection) else { throw PorticoError.notFound("user") }
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
    func quota(by principal: Principal) async throws -> InviteQuotaRow {
        try await database.withContext(DatabaseContext(principal)) { connection in
            try await Self.quota(on: connection)
        }
    }
}
