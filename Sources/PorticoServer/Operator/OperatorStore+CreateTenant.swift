import Foundation
import PorticoAPI
import PostgresNIO
import ProtoWire

/// Who CreateTenant invites as the new tenant's first ADMIN.
struct FirstAdmin: Sendable {
    var name: PersonName
    var email: EmailAddress
}

extension TenantStore {
    /// CreateTenant: the tenant and its first ADMIN's invite in one transaction, through
    /// the same steps as every invite (rule 1's bootstrap for a tenant). The ledger
    /// records the invite uncounted. The operator's context sees no memberships, so
    /// the new one is described from what was written and the login's row.
    func create(
        name: String, admin: FirstAdmin, password: PreparedPassword, portalURL: String,
        by principal: Principal
    ) async throws -> Portico_V1_CreateTenantResponse {
        try await database.withContext(DatabaseContext(principal)) { connection in
            var response = Portico_V1_CreateTenantResponse()
            response.tenant = try await insertTenant(name, on: connection)
            guard let tenantID = UUID(uuidString: response.tenant.id) else {
                throw PorticoError(.internalError, "internal error")
            }
            let invitation = Invitation(
                kind: .admin, tenantID: tenantID, clientID: nil, name: admin.name, email: admin.email,
                inviterUserID: nil
            )
            _ = try await connection.claimInviteSlot(
                tenantID: tenantID, kind: invitation.kind.rawValue, membershipID: invitation.membershipID
            )
            let letter = InviteLetter(
                tenantID: tenantID, tenantName: name, role: .admin, clientName: nil, inviterName: nil,
                inviterCompany: "Portico", inviteeName: admin.name.value, inviteeEmail: admin.email.value
            )
            let login = try await connection.carryOut(
                invitation, letter: letter, password: password, portalURL: portalURL
            )
            response.admin = try await invitedAdmin(invitation, userID: login.userID, on: connection)
            return response
        }
    }

    private func insertTenant(_ name: String, on connection: DatabaseConnection) async throws -> Portico_V1_Tenant {
        let rows = try await connection.query(
            """
            INSERT INTO portico.tenants (name) VALUES (\(name))
            RETURNING id, name, created_at, invite_limit
            """
        )
        guard let row = rows.first else { throw PorticoError(.internalError, "internal error") }
        return Portico_V1_Tenant(try row.decode((UUID, String, Date, Int32).self))
    }

    /// The new ADMIN as `UserDirectory` would show it. `now()` is the transaction's
    /// time, which is what the membership's `invited_at` default recorded.
    private func invitedAdmin(
        _ invitation: Invitation, userID: UUID, on connection: DatabaseConnection
    ) async throws -> Portico_V1_User {
        let rows = try await connection.query(
            """
            SELECT email, password_is_temporary, temporary_password_expires_at, now()
            FROM portico.auth_users WHERE id = \(userID)
            """
        )
        guard let row = rows.first else { throw PorticoError(.internalError, "internal error") }
        let (email, temporary, expiresAt, invitedAt) = try row.decode((String, Bool, Date?, Date).self)
        var user = Portico_V1_User()
        user.membershipId = invitation.membershipID.uuidString.lowercased()
        user.userId = userID.uuidString.lowercased()
        user.name = invitation.name.value
        user.email = email
        user.role = .admin
        user.status = Portico_V1_UserStatus(temporaryPassword: temporary)
        user.invitedAt = Google_Protobuf_Timestamp(date: invitedAt)
        if temporary, let expiresAt { user.temporaryPasswordExpiresAt = Google_Protobuf_Timestamp(date: expiresAt) }
        return user
    }
}
