import GRPCCore
import PorticoAPI

/// `portico.v1.TenantSettings`: the contractor's markup and time zone (ADMIN only).
struct TenantSettingsService: Portico_V1_TenantSettings.SimpleServiceProtocol {
    let store: TenantSettingsStore

    func getTenantSettings(
        request: Portico_V1_GetTenantSettingsRequest, context: ServerContext
    ) async throws -> Portico_V1_GetTenantSettingsResponse {
        let principal = try CallContext.requirePrincipal()
        var response = Portico_V1_GetTenantSettingsResponse()
        response.settings = Portico_V1_Settings(try await store.settings(by: principal))
        return response
    }

    func updateTenantSettings(
        request: Portico_V1_UpdateTenantSettingsRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateTenantSettingsResponse {
        let principal = try CallContext.requirePrincipal()
        let settings = try TenantSettingsRow(validating: request.settings)
        var response = Portico_V1_UpdateTenantSettingsResponse()
        response.settings = Portico_V1_Settings(try await store.replace(with: settings, by: principal))
        return response
    }
}
