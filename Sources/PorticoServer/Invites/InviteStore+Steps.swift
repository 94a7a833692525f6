import Foundation
import PostgresNIO

/// The statements of an invite's transaction, in the order they must run. They are
/// static and take the connection because CreateTenant (`OperatorStore`) runs the same
/// steps inside its own transaction.
extension InviteStore {
    /// What `claim_invite_slot` records for ResendInvite; the other kinds are the new
    /// membership's role.
    static let resendLedgerKind = "RESEND"

    /// Rule 10: takes one of the tenant's slots (an uncounted one for the first ADMIN)
    /// or throws PT429, which says when the next is possible. Must be the
    /// transaction's first statement: it locks the tenant row, so a tenant's invites
    /// queue up here, and nothing else is locked before.
    static func claimSlot(
        tenantID: UUID, kind: String, membershipID: UUID, on connection: DatabaseConnection
    ) async throws -> InviteQuotaRow {
        let rows = try await connection.query(
            """
            SELECT used, invite_limit, next_free_at
            FROM portico.claim_invite_slot(\(tenantID), \(kind), \(membershipID))
            """
        )
        guard let row = rows.first else { throw PorticoError.internalError }
        return InviteQuotaRow(try row.decode((Int32, Int32, Date?).self))
    }

    /// The tenant's cap as it stands (GetInviteQuota).
    static func quota(on connection: DatabaseConnection) async throws -> InviteQuotaRow {
        let rows = try await connection.query(
            """
            SELECT used, invite_limit, next_free_at
            FROM portico.invite_quota(portico.current_tenant_id())
            """
        )
        guard let row = rows.first else { throw PorticoError.notFound("tenant") }
        return InviteQuotaRow(try row.decode((Int32, Int32, Date?).self))
    }

    /// Carries out `invitation` after its slot is claimed: finds or creates the login
    /// (rule 11), adds the membership, and queues the email (a temporary password for
    /// a new login, a notice for an existing one). Returns the login and whether it is
    /// new.
    static func carryOut(
        _ invitation: Invitation, letter: InviteLetter, password: PreparedPassword, portalURL: String,
        on connection: DatabaseConnection
    ) async throws -> (userID: UUID, created: Bool) {
        let login = try await inviteLogin(invitation, password: password, on: connection)
        try await insertMembership(invitation, userID: login.userID, on: connection)
        let kind: InviteLetter.Kind = login.created ? .temporaryPassword(expiresAt: password.expiresAt) : .accessNotice
        let mail = letter.mail(kind, password: password.password.value, portalURL: portalURL)
        try await OutboxStore.enqueue(mail, on: connection)
        return login
    }

    /// ResendInvite's reset: a new temporary password for the membership's login, which
    /// must still be INVITED; its old password and sessions stop working.
    static func resetTemporaryPassword(
        membershipID: UUID, password: PreparedPassword, on connection: DatabaseConnection
    ) async throws {
        try await connection.query(
            """
            SELECT user_id FROM portico.reset_temporary_password(
                \(membershipID), \(password.hash), \(password.expiresAt)
            )
            """
        )
    }

    private static func inviteLogin(
        _ invitation: Invitation, password: PreparedPassword, on connection: DatabaseConnection
    ) async throws -> (userID: UUID, created: Bool) {
        let rows = try await connection.query(
            """
            SELECT user_id, created FROM portico.invite_login(
                \(invitation.email.value), \(invitation.name.value), \(password.hash), \(password.expiresAt)
            )
            """
        )
        guard let row = rows.first else { throw PorticoError.internalError }
        let (userID, created) = try row.decode((UUID, Bool).self)
        return (userID, created)
    }

    /// No RETURNING: the operator's context may insert a first ADMIN's membership but
    /// not read it back. A second membership of one login in one tenant, or a second
    /// OWNER of one client, fails on a unique index (see `UniqueConflict`).
    private static func insertMembership(
        _ invitation: Invitation, userID: UUID, on connection: DatabaseConnection
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO portico.memberships (
                tenant_id, id, user_id, client_id, role, display_name,
                invited_by_user_id, invited_by_name
            ) VALUES (
                \(invitation.tenantID), \(invitation.membershipID), \(userID), \(invitation.clientID),
                \(invitation.kind.databaseRole.rawValue), \(invitation.name.value),
                \(invitation.inviterUserID), \(invitation.inviterName)
            )
            """
        )
    }
}
