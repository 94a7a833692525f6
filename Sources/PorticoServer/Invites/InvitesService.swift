import Foundation
import GRPCCore
import PorticoAPI

/// `portico.v1.Invites`: invite-only access for staff and client users (Schema/README.md
/// rules 1-4, 8, 10 and 11).
///
/// Input is validated before anything is touched (bad input changes nothing); the
/// temporary password is hashed before the transaction; after a commit the outbox's
/// delivery worker is nudged, so the email leaves at once rather than at its next poll.
struct InvitesService: Portico_V1_Invites.SimpleServiceProtocol {
    let store: InviteStore
    let hasher: PasswordHasher
    /// Called after a transaction that queued mail has committed.
    let mailQueued: @Sendable () -> Void

    init(
        database: Database, hasher: PasswordHasher, settings: InviteSettings,
        mailQueued: @escaping @Sendable () -> Void
    ) {
        self.store = InviteStore(database: database, settings: settings)
        self.hasher = hasher
        self.mailQueued = mailQueued
    }

    func inviteOwner(
        request: Portico_V1_InviteOwnerRequest, context: ServerContext
    ) async throws -> Portico_V1_InviteResponse {
        let principal = try CallContext.requirePrincipal()
        let clientID = try UUID(field: "client_id", request.clientId, what: "a client id")
        return try await invite(.owner, request.invitee, clientID: clientID, by: principal)
    }

    func inviteTech(
        request: Portico_V1_InviteTechRequest, context: ServerContext
    ) async throws -> Portico_V1_InviteResponse {
        let principal = try CallContext.requirePrincipal()
        return try await invite(.tech, request.invitee, clientID: nil, by: principal)
    }

    func inviteMember(
        request: Portico_V1_InviteMemberRequest, context: ServerContext
    ) async throws -> Portico_V1_InviteResponse {
        let principal = try CallContext.requirePrincipal()
        guard let clientID = principal.clientID else { throw PorticoError.permissionDenied }
        return try await invite(.member, request.invitee, clientID: clientID, by: principal)
    }

    func resendInvite(
        request: Portico_V1_ResendInviteRequest, context: ServerContext
    ) async throws -> Portico_V1_InviteResponse {
        let principal = try CallContext.requirePrincipal()
        let membershipID = try UUID(field: "membership_id", request.membershipId, what: "a user's membership id")
        let password = try await PreparedPassword.make(hasher: hasher, lifetime: store.settings.temporaryPasswordLifetime)
        let outcome = try await store.resend(membershipID: membershipID, password: password, by: principal)
        mailQueued()
        return Portico_V1_InviteResponse(outcome)
    }

    private func invite(
        _ kind: Invitation.Kind, _ invitee: Portico_V1_Invitee, clientID: UUID?, by principal: Principal
    ) async throws -> Portico_V1_InviteResponse {
        let invitation = Invitation(
            kind: kind, tenantID: try principal.requireTenantID(), clientID: clientID,
            name: try PersonName(validating: invitee.name, field: "invitee.name"),
            email: try EmailAddress(validating: invitee.email, field: "invitee.email"),
            inviterUserID: principal.userID
        )
        let password = try await PreparedPassword.make(hasher: hasher, lifetime: store.settings.temporaryPasswordLifetime)
        let outcome = try await store.invite(invitation, password: password, by: principal)
        mailQueued()
        return Portico_V1_InviteResponse(outcome)
    }
}
