import Foundation
import PostgresNIO

/// The transactions behind `Invites`, each in the caller's RLS context (READ
/// COMMITTED): the cap's slot first, then the rows, then the email, all or nothing.
struct InviteStore: Sendable {
    let database: Database
    let settings: InviteSettings

    /// What an invite or a resent invite leaves: the tenant's cap after it, and the
    /// invited user.
    struct Outcome: Sendable {
        var quota: InviteQuotaRow
        var user: UserRow
    }

    /// InviteOwner, InviteTech and InviteMember. For an OWNER invite the client must be
    /// one of the caller's tenant (else NOT_FOUND) and have no owner yet.
    func invite(
        _ invitation: Invitation, password: PreparedPassword, by principal: Principal
    ) async throws -> Outcome {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let quota = try await Self.claimSlot(
                tenantID: invitation.tenantID, kind: invitation.kind.databaseRole.rawValue,
                membershipID: invitation.membershipID, on: connection
            )
            var invitation = invitation
            invitation.inviterName = try await UserStore.name(of: principal, on: connection)
            let letter = try await Self.letter(for: invitation, by: principal, on: connection)
            _ = try await Self.carryOut(
                invitation, letter: letter, password: password, portalURL: settings.portalURL, on: connection
            )
            guard let user = try await UserStore.user(membershipID: invitation.membershipID, on: connection) else {
                throw PorticoError.internalError
            }
            return Outcome(quota: quota, user: user)
        }
    }

    /// ResendInvite: a new temporary password for a user still INVITED; the old one
    /// and its sessions stop working (`reset_temporary_password`).
    func resend(
        membershipID: UUID, password: PreparedPassword, by principal: Principal
    ) async throws -> Outcome {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let quota = try await Self.claimSlot(
                tenantID: tenantID, kind: Self.resendLedgerKind, membershipID: membershipID, on: connection
            )
            try await Self.resetTemporaryPassword(membershipID: membershipID, password: password, on: connection)
            guard let target = try await UserStore.user(membershipID: membershipID, on: connection) else {
                throw PorticoError.notFound("user")
            }
            var clientName: String? = nil
            if let clientID = target.clientID { clientName = try await ClientStore.name(of: clientID, on: connection) }
            let letter = InviteLetter(
                tenantID: tenantID, tenantName: principal.tenantName ?? "",
                role: target.role, clientName: clientName,
                inviterName: try await UserStore.name(of: principal, on: connection),
                inviterCompany: principal.company, inviteeName: target.name, inviteeEmail: target.email
            )
            let mail = letter.mail(
                .resentPassword(expiresAt: password.expiresAt), password: password.password.value,
                portalURL: settings.portalURL
            )
            try await OutboxStore.enqueue(mail, on: connection)
            return Outcome(quota: quota, user: target)
        }
    }

    /// What the email says: the inviter, the tenant and, for client users, the company
    /// (an OWNER invite also checks here that the client exists and has no owner).
    private static func letter(
        for invitation: Invitation, by principal: Principal, on connection: DatabaseConnection
    ) async throws -> InviteLetter {
        var clientName: String? = nil
        if invitation.kind == .owner, let clientID = invitation.clientID {
            guard let name = try await ClientStore.name(of: clientID, on: connection) else {
                throw PorticoError.notFound("client")
            }
            if try await UserStore.clientHasOwner(clientID, on: connection) { throw UniqueConflict.ownerTaken }
            clientName = name
        } else if invitation.kind == .member {
            clientName = principal.clientName
        }
        return InviteLetter(
            tenantID: invitation.tenantID, tenantName: principal.tenantName ?? "",
            role: invitation.kind.role, clientName: clientName, inviterName: invitation.inviterName,
            inviterCompany: principal.company, inviteeName: invitation.name.value,
            inviteeEmail: invitation.email.value
        )
    }
}

extension Principal {
    /// The company the caller speaks for in an email: a client user's company, else
    /// the contractor (tenant).
    var company: String {
        switch role {
        case .owner, .member: clientName ?? tenantName ?? ""
        default: tenantName ?? ""
        }
    }
}
