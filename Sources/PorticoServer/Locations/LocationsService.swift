import Foundation
import GRPCCore
import PorticoAPI

/// `portico.v1.Locations`: a client company's sites (Schema/README.md rules 6 and 7).
/// Admins manage any client's; owners their own company's; members only read them.
/// Row-level security enforces the same in PostgreSQL.
struct LocationsService: Portico_V1_Locations.SimpleServiceProtocol {
    let store: LocationStore

    /// Longest `name_contains` accepted: no site name is longer.
    static let maximumFilterLength = 200

    func listLocations(
        request: Portico_V1_ListLocationsRequest, context: ServerContext
    ) async throws -> Portico_V1_ListLocationsResponse {
        let principal = try CallContext.requirePrincipal()
        // Admins: the given client or the whole tenant; client users: their own company.
        let scope = try principal.requestedClient(request.clientId).map(LocationStore.Scope.client) ?? .tenant
        let page = try PageRequest(request.page, keyCount: 2)
        let filter = try FieldText.searchText(
            request.nameContains, field: "name_contains", maximum: Self.maximumFilterLength
        )
        let locations = try await store.list(
            scope, nameContains: filter, includeArchived: request.includeArchived, page, by: principal
        )
        var response = Portico_V1_ListLocationsResponse()
        response.locations = locations.rows.map(Portico_V1_Location.init)
        response.page.nextPageToken = locations.nextPageToken
        return response
    }

    func createLocation(
        request: Portico_V1_CreateLocationRequest, context: ServerContext
    ) async throws -> Portico_V1_CreateLocationResponse {
        let principal = try CallContext.requirePrincipal()
        let clientID = try Self.owningClient(request.clientId, for: principal)
        let details = try LocationDetails(validating: request.location)
        var response = Portico_V1_CreateLocationResponse()
        response.location = Portico_V1_Location(try await store.create(details, clientID: clientID, by: principal))
        return response
    }

    func updateLocation(
        request: Portico_V1_UpdateLocationRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateLocationResponse {
        let principal = try CallContext.requirePrincipal()
        let locationID = try UUID(field: "location_id", request.locationId, what: "a location id")
        let details = try LocationDetails(validating: request.location)
        var response = Portico_V1_UpdateLocationResponse()
        response.location = Portico_V1_Location(try await store.update(locationID, with: details, by: principal))
        return response
    }

    func archiveLocation(
        request: Portico_V1_ArchiveLocationRequest, context: ServerContext
    ) async throws -> Portico_V1_ArchiveLocationResponse {
        let principal = try CallContext.requirePrincipal()
        let locationID = try UUID(field: "location_id", request.locationId, what: "a location id")
        var response = Portico_V1_ArchiveLocationResponse()
        response.location = Portico_V1_Location(try await store.archive(locationID, by: principal))
        return response
    }

    /// The client a site is created for: the one an admin names (required), or an
    /// owner's own company.
    static func owningClient(_ rawClientID: String, for principal: Principal) throws(PorticoError) -> UUID {
        if principal.role == .admin { return try UUID(field: "client_id", rawClientID, what: "a client id") }
        guard let clientID = try principal.requestedClient(rawClientID) else { throw PorticoError.permissionDenied }
        return clientID
    }
}
