import Foundation
import PorticoAPI
import PostgresNIO

/// The statements of an invite's transaction, in the order they must run.
extension DatabaseConnection {
    /// Rule 10: takes one of the tenant's slots (an uncounted one for the first ADMIN)
    /// or throws PT429, which says when the next is possible. Must be the
    /// transaction's first statement: it locks the tenant row, so a tenant's invites
    /// queue up here, and nothing else is locked before.
    func claimInviteSlot(
        tenantID: UUID, kind: String, membershipID: UUID
    ) async throws -> Portico_V1_InviteQuota {
        let rows = try await query(
            """
            SELECT used, invite_limit, next_free_at
            FROM portico.claim_invite_slot(\(tenantID), \(kind), \(membershipID))
            """
        )
        guard let row = rows.first else { throw PorticoError(.internalError, "internal error") }
        return Portico_V1_InviteQuota(try row.decode((Int32, Int32, Date?).self))
    }

    /// The tenant's cap as it stands (GetInviteQuota).
    func inviteQuota() async throws -> Portico_V1_InviteQuota {
        let rows = try await query(
            """
            SELECT used, invite_limit, next_free_at
            FROM portico.invite_quota(portico.current_tenant_id())
            """
        )
        guard let row = rows.first else { throw PorticoError.notFound("tenant") }
        return Portico_V1_InviteQuota(try row.decode((Int32, Int32, Date?).self))
    }

    /// Carries out `invitation` after its slot is claimed: finds or creates the login
    /// (rule 11), adds the membership, and queues the email (a temporary password for
    /// a new login, a notice for an existing one). Returns the login and whether it is
    /// new.
    func carryOut(
        _ invitation: Invitation, letter: InviteLetter, password: PreparedPassword, portalURL: String
    ) async throws -> (userID: UUID, created: Bool) {
        let login = try await inviteLogin(invitation, password: password)
        try await insertMembership(invitation, userID: login.userID)
        let kind: InviteLetter.Kind = login.created ? .temporaryPassword(expiresAt: password.expiresAt) : .accessNotice
        try await enqueue(letter.mail(kind, password: password.password.value, portalURL: portalURL))
        return login
    }

    private func inviteLogin(
        _ invitation: Invitation, password: PreparedPassword
    ) async throws -> (userID: UUID, created: Bool) {
        let rows = try await query(
            """
            SELECT user_id, created FROM portico.invite_login(
                \(invitation.email.value), \(invitation.name.value), \(password.hash), \(password.expiresAt)
            )
            """
        )
        guard let row = rows.first else { throw PorticoError(.internalError, "internal error") }
        let (userID, created) = try row.decode((UUID, Bool).self)
        return (userID, created)
    }

    /// No RETURNING: the operator's context may insert a first ADMIN's membership but
    /// not read it back. A second membership of one login in one tenant, or a second
    /// OWNER of one client, fails on a unique index (see `UniqueConflict`).
    private func insertMembership(_ invitation: Invitation, userID: UUID) async throws {
        try await execute(
            """
            INSERT INTO portico.memberships (
                tenant_id, id, user_id, client_id, role, display_name,
                invited_by_user_id, invited_by_name
            ) VALUES (
                \(invitation.tenantID), \(invitation.membershipID), \(userID), \(invitation.clientID),
                \(invitation.kind.rawValue), \(invitation.name.value),
                \(invitation.inviterUserID), \(invitation.inviterName)
            )
            """
        )
    }

    /// The name of a client of the current tenant the caller may see, or nil.
    func clientName(_ clientID: UUID) async throws -> String? {
        let rows = try await query(
            """
            SELECT name FROM portico.clients
            WHERE tenant_id = portico.current_tenant_id() AND id = \(clientID)
            """
        )
        return try rows.first?.decode(String.self)
    }

    /// Rule 2: whether the client already has its OWNER (the unique index
    /// `memberships_one_owner_per_client` still decides a race).
    func clientHasOwner(_ clientID: UUID) async throws -> Bool {
        let rows = try await query(
            """
            SELECT 1 FROM portico.memberships
            WHERE tenant_id = portico.current_tenant_id() AND client_id = \(clientID) AND role = 'OWNER'
            """
        )
        return !rows.isEmpty
    }

    /// The name the caller's tenant knows them by: their membership's, else the login's.
    func inviterName(of principal: Principal) async throws -> String {
        let rows = try await query(
            """
            SELECT display_name FROM portico.memberships
            WHERE tenant_id = portico.current_tenant_id() AND id = \(principal.membershipID)
            """
        )
        let name = try rows.first?.decode(String.self) ?? ""
        return name.isEmpty ? principal.displayName : name
    }
}
