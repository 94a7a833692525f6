import Foundation
import GRPCCore
import PorticoAPI
import ProtoWire

/// `portico.v1.Operator`: platform staff manage tenants.
struct OperatorService: Portico_V1_Operator.SimpleServiceProtocol {
    let store: OperatorStore
    let hasher: PasswordHasher
    let invites: InviteSettings
    /// Called after CreateTenant's transaction (which queued the first ADMIN's invite)
    /// has committed.
    let mailQueued: @Sendable () -> Void

    func createTenant(
        request: Portico_V1_CreateTenantRequest, context: ServerContext
    ) async throws -> Portico_V1_CreateTenantResponse {
        let principal = try CallContext.requirePrincipal()
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw PorticoError.invalidField("name", "must not be empty") }
        if name.count > 200 { throw PorticoError.invalidField("name", "must be at most 200 characters") }
        let admin = FirstAdmin(
            name: try PersonName(validating: request.adminName, field: "admin_name"),
            email: try EmailAddress(validating: request.adminEmail, field: "admin_email")
        )
        let password = try await PreparedPassword.make(hasher: hasher, lifetime: invites.temporaryPasswordLifetime)
        let created = try await store.create(
            name: name, admin: admin, password: password, portalURL: invites.portalURL, by: principal
        )
        mailQueued()
        var response = Portico_V1_CreateTenantResponse()
        response.tenant = Portico_V1_Tenant(created.tenant)
        response.admin = Portico_V1_User(created.admin)
        return response
    }

    func listTenants(
        request: Portico_V1_ListTenantsRequest, context: ServerContext
    ) async throws -> Portico_V1_ListTenantsResponse {
        let principal = try CallContext.requirePrincipal()
        let tenants = try await store.list(try PageRequest(request.page, keyCount: 1), by: principal)
        var response = Portico_V1_ListTenantsResponse()
        response.tenants = tenants.rows.map(Portico_V1_Tenant.init)
        response.page.nextPageToken = tenants.nextPageToken
        return response
    }

    func setInviteLimit(
        request: Portico_V1_SetInviteLimitRequest, context: ServerContext
    ) async throws -> Portico_V1_SetInviteLimitResponse {
        let principal = try CallContext.requirePrincipal()
        let tenantID = try UUID(field: "tenant_id", request.tenantId, what: "a tenant id")
        let limit = request.restoreDefault ? OperatorStore.defaultInviteLimit : request.inviteLimit
        guard OperatorStore.inviteLimitRange.contains(limit) else {
            throw PorticoError.invalidField(
                "invite_limit",
                "must be between \(OperatorStore.inviteLimitRange.lowerBound) and \(OperatorStore.inviteLimitRange.upperBound)"
            )
        }
        var response = Portico_V1_SetInviteLimitResponse()
        response.tenant = Portico_V1_Tenant(try await store.setInviteLimit(limit, tenantID: tenantID, by: principal))
        return response
    }
}
