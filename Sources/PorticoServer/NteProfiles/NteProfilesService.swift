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
        let scope = try Self.listScope(request.clientId, for: principal)
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

    /// Admins: the given client, or every client. Owners: their own company; another
    /// client's id is NOT_FOUND.
    static func listScope(_ rawClientID: String, for principal: Principal) throws(PorticoError) -> NteProfileStore.Scope {
        switch principal.role {
        case .admin:
            if rawClientID.isEmpty { return .tenant }
            return .client(try UUID(field: "client_id", rawClientID, what: "a client id"))
        case .owner:
            return .client(try principal.ownCompany(requested: rawClientID))
        default:
            throw PorticoError.permissionDenied
        }
    }
}
