import Foundation
import GRPCCore
import PorticoAPI

/// `portico.v1.NteProfiles`: clients' not-to-exceed caps (Schema/README.md rule 12).
/// Admins set them; an owner reads their own company's; nobody else sees any.
struct NteProfilesService: Portico_V1_NteProfiles.SimpleServiceProtocol {
    let store: NteProfileStore

    func listNteProfiles(
        request: Portico_V1_ListNteProfilesRequest, context: ServerContext
    ) async throws -> Portico_V1_ListNteProfilesResponse {
        let principal = try CallContext.requirePrincipal()
        // Admins: the given client or every client; an owner: their own company.
        let scope = try principal.requestedClient(request.clientId).map(NteProfileStore.Scope.client) ?? .tenant
        let profiles = try await store.list(scope, try PageRequest(request.page, keyCount: 1), by: principal)
        var response = Portico_V1_ListNteProfilesResponse()
        response.profiles = profiles.rows.map(Portico_V1_NteProfile.init)
        response.page.nextPageToken = profiles.nextPageToken
        return response
    }

    func setNteProfile(
        request: Portico_V1_SetNteProfileRequest, context: ServerContext
    ) async throws -> Portico_V1_SetNteProfileResponse {
        let principal = try CallContext.requirePrincipal()
        let details = try NteProfileDetails(validating: request)
        var response = Portico_V1_SetNteProfileResponse()
        if let stored = try await store.set(details, by: principal) {
            response.profile = Portico_V1_NteProfile(stored)
        } else {
            // Removed: the client, with no caps.
            response.profile.clientId = details.clientID.uuidString.lowercased()
        }
        return response
    }
}
