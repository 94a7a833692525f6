import Foundation
import PostgresNIO

/// Who CreateTenant invites as the new tenant's first ADMIN.
struct FirstAdmin: Sendable {
    var name: PersonName
    var email: EmailAddress
}

extension OperatorStore {
    /// What CreateTenant made: the tenant and its first ADMIN, invited.
    struct NewTenant: Sendable {
        var tenant: TenantRow
        var admin: UserRow
    }

    /// CreateTenant: the tenant and its first ADMIN's invite in one transaction, through
    /// the same steps as every invite (rule 1's bootstrap for a tenant). The ledger
    /// records the invite uncounted. The operator's context sees no memberships, so
    /// the new one is described from what was written and the login's row.
    func create(
        name: String, admin: FirstAdmin, password: PreparedPassword, portalURL: String,
        by principal: Principal
    ) async throws -> NewTenant {
        try await database.withContext(DatabaseContext(principal)) { connection in
            let tenant = try await Self.insertTenant(name, on: connection)
            let invitation = Invitation(
                kind: .admin, tenantID: tenant.id, clientID: nil, name: admin.name, email: admin.email,
                inviterUserID: nil
            )
            _ = try await InviteStore.claimSlot(
                tenantID: tenant.id, kind: invitation.kind.databaseRole.rawValue,
                membershipID: invitation.membershipID, on: connection
            )
            let letter = InviteLetter(
                tenantID: tenant.id, tenantName: name, role: .admin, clientName: nil, inviterName: nil,
                inviterCompany: "Portico", inviteeName: admin.name.value, inviteeEmail: admin.email.value
            )
            let login = try await InviteStore.carryOut(
                invitation, letter: letter, password: password, portalURL: portalURL, on: connection
            )
            let user = try await Self.invitedAdmin(invitation, userID: login.userID, on: connection)
            return NewTenant(tenant: tenant, admin: user)
        }
    }

    private static func insertTenant(_ name: String, on connection: DatabaseConnection) async throws -> TenantRow {
        let rows = try await connection.query(
            "INSERT INTO portico.tenants (name) VALUES (\(name)) RETURNING \(unescaped: OperatorStore.tenantColumns)"
        )
        guard let row = rows.first else { throw PorticoError.internalError }
        return try TenantRow(row: row)
    }

    /// The new ADMIN as `UserStore` would read it. `now()` is the transaction's time,
    /// which is what the membership's `invited_at` default recorded; `lower` is what its
    /// stored `sort_name` holds.
    private static func invitedAdmin(
        _ invitation: Invitation, userID: UUID, on connection: DatabaseConnection
    ) async throws -> UserRow {
        let rows = try await connection.query(
            """
            SELECT email, password_is_temporary, temporary_password_expires_at, now(),
                lower(\(invitation.name.value))
            FROM portico.auth_users WHERE id = \(userID)
            """
        )
        guard let row = rows.first else { throw PorticoError.internalError }
        let (email, temporary, expiresAt, invitedAt, sortName) = try row.decode((String, Bool, Date?, Date, String).self)
        return UserRow(
            membershipID: invitation.membershipID, userID: userID, name: invitation.name.value,
            email: email, role: .admin, clientID: nil, passwordIsTemporary: temporary,
            invitedAt: invitedAt, invitedByName: "", temporaryPasswordExpiresAt: expiresAt,
            sortName: sortName
        )
    }
}
