import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer

/// One tenant with two clients: an admin and a tech of the tenant, an owner and a member
/// of the first client, an owner of the second, and an admin of another tenant; each
/// signed in.
struct LocationScene: Sendable {
    var tenant: UUID
    var client: UUID
    var otherClient: UUID
    var admin: String
    var tech: String
    var owner: String
    var member: String
    var otherOwner: String
    var otherTenantAdmin: String
}

extension TestServer {
    var locations: Portico_V1_Locations.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    func locationScene() async throws -> LocationScene {
        let tenant = try await fixtures.tenant()
        let client = try await fixtures.client(in: tenant, name: "Harbor Hotels")
        let otherClient = try await fixtures.client(in: tenant, name: "Bay Diner")
        func signedIn(_ role: Portico_V1_Role, client: UUID? = nil, tenant: UUID) async throws -> String {
            let name = "\(role.databaseName.capitalized) \(UUID().uuidString.prefix(4))"
            let user = try await fixtures.user(displayName: name)
            try await fixtures.membership(user: user.id, tenant: tenant, role: role, client: client, displayName: name)
            return try await signIn(email: user.email)
        }
        return LocationScene(
            tenant: tenant, client: client, otherClient: otherClient,
            admin: try await signedIn(.admin, tenant: tenant),
            tech: try await signedIn(.tech, tenant: tenant),
            owner: try await signedIn(.owner, client: client, tenant: tenant),
            member: try await signedIn(.member, client: client, tenant: tenant),
            otherOwner: try await signedIn(.owner, client: otherClient, tenant: tenant),
            otherTenantAdmin: try await signedIn(.admin, tenant: try await fixtures.tenant())
        )
    }

    func createLocation(
        _ fields: Portico_V1_LocationFields, client: UUID? = nil, token: String
    ) async throws -> Portico_V1_Location {
        var request = Portico_V1_CreateLocationRequest()
        request.clientId = client?.uuidString ?? ""
        request.location = fields
        return try await locations.createLocation(request, metadata: bearer(token)).location
    }

    func updateLocation(_ id: String, _ fields: Portico_V1_LocationFields, token: String) async throws -> Portico_V1_Location {
        var request = Portico_V1_UpdateLocationRequest()
        request.locationId = id
        request.location = fields
        return try await locations.updateLocation(request, metadata: bearer(token)).location
    }

    func archiveLocation(_ id: String, token: String) async throws -> Portico_V1_Location {
        var request = Portico_V1_ArchiveLocationRequest()
        request.locationId = id
        return try await locations.archiveLocation(request, metadata: bearer(token)).location
    }

    /// Every page of `ListLocations`, as the names on each page.
    func locationNamePages(
        client: UUID? = nil, pageSize: Int32 = 0, nameContains: String = "", includeArchived: Bool = false,
        token: String
    ) async throws -> [[String]] {
        var request = Portico_V1_ListLocationsRequest()
        request.clientId = client?.uuidString ?? ""
        request.page.pageSize = pageSize
        request.nameContains = nameContains
        request.includeArchived = includeArchived
        return try await everyPage(request, token: \.page.pageToken) { request in
            let page = try await locations.listLocations(request, metadata: bearer(token))
            return (page.locations.map(\.name), page.page.nextPageToken)
        }
    }

    /// How many location rows the database holds, all tenants, read as the schema owner.
    func locationRowCount() async throws -> Int {
        try await fixtures.single("SELECT count(*)::int8 FROM portico.locations", as: Int.self)
    }
}

func locationFields(
    _ name: String, accessNotes: String = "", address: Portico_V1_PostalAddress? = nil
) -> Portico_V1_LocationFields {
    var fields = Portico_V1_LocationFields()
    fields.name = name
    fields.accessNotes = accessNotes
    if let address { fields.address = address }
    return fields
}
