import Foundation
import PorticoAPI
import PostgresNIO

/// The transactions behind `Invites`, each in the caller's RLS context (READ
/// COMMITTED): the cap's slot first, then the rows, then the email, all or nothing.
struct InviteStore: Sendable {
    let database: Database
    let settings: InviteSettings

    /// InviteOwner, InviteTech and InviteMember. For an OWNER invite the client must be
    /// one of the caller's tenant (else NOT_FOUND) and have no owner yet.
    func invite(
        _ invitation: Invitation, password: PreparedPassword, by principal: Principal
    ) async throws -> Portico_V1_InviteResponse {
        try await database.withContext(DatabaseContext(principal)) { connection in
            var response = Portico_V1_InviteResponse()
            response.quota = try await connection.claimInviteSlot(
                tenantID: invitation.tenantID, kind: invitation.kind.rawValue,
                membershipID: invitation.membershipID
            )
            var invitation = invitation
            invitation.inviterName = try await connection.inviterName(of: principal)
            let letter = try await self.letter(for: invitation, by: principal, on: connection)
            _ = try await connection.carryOut(
                invitation, letter: letter, password: password, portalURL: settings.portalURL
            )
            response.user = try await invitedUser(invitation.membershipID, on: connection)
            return response
        }
    }

    /// ResendInvite: a new temporary password for a user still INVITED; the old one
    /// and its sessions stop working (`reset_temporary_password`).
    func resend(
        membershipID: UUID, password: PreparedPassword, by principal: Principal
    ) async throws -> Portico_V1_InviteResponse {
        try await database.withContext(DatabaseContext(principal)) { connection in
            var response = Portico_V1_InviteResponse()
            response.quota = try await connection.claimInviteSlot(
                tenantID: try principal.requireTenantID(), kind: "RESEND", membershipID: membershipID
            )
            try await connection.query(
                """
                SELECT user_id FROM portico.reset_temporary_password(
                    \(membershipID), \(password.hash), \(password.expiresAt)
                )
                """
            )
            guard let target = try await UserDirectory(connection).row(membershipID: membershipID) else {
                throw PorticoError.notFound("user")
            }
            var clientName: String? = nil
            if let clientID = target.clientID { clientName = try await connection.clientName(clientID) }
            let letter = InviteLetter(
                tenantID: try principal.requireTenantID(), tenantName: principal.tenantName ?? "",
                role: target.role, clientName: clientName,
                inviterName: try await connection.inviterName(of: principal),
                inviterCompany: principal.company, inviteeName: target.name, inviteeEmail: target.email
            )
            try await connection.enqueue(
                letter.mail(.resentPassword(expiresAt: password.expiresAt), password: password.password.value, portalURL: settings.portalURL)
            )
            response.user = target.user
            return response
        }
    }

    /// What the email says: the inviter, the tenant and, for client users, the company
    /// (an OWNER invite also checks here that the client exists and has no owner).
    private func letter(
        for invitation: Invitation, by principal: Principal, on connection: DatabaseConnection
    ) async throws -> InviteLetter {
        var clientName: String? = nil
        if invitation.kind == .owner, let clientID = invitation.clientID {
            guard let name = try await connection.clientName(clientID) else { throw PorticoError.notFound("client") }
            if try await connection.clientHasOwner(clientID) { throw UniqueConflict.ownerTaken }
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

    private func invitedUser(_ membershipID: UUID, on connection: DatabaseConnection) async throws -> Portico_V1_User {
        guard let user = try await UserDirectory(connection).user(membershipID: membershipID) else {
            throw PorticoError(.internalError, "internal error")
        }
        return user
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
