import Foundation
import GRPCCore
import PorticoAPI

/// `portico.v1.Clients`: a contractor's client companies (ADMIN only, by the schema's
/// access rules; row-level security enforces the same in PostgreSQL).
struct ClientsService: Portico_V1_Clients.SimpleServiceProtocol {
    let store: ClientStore

    /// Longest `name_contains` accepted: no client name is longer.
    static let maximumFilterLength = 200

    func createClient(
        request: Portico_V1_CreateClientRequest, context: ServerContext
    ) async throws -> Portico_V1_CreateClientResponse {
        let principal = try CallContext.requirePrincipal()
        let details = try ClientDetails(validating: request.client)
        var response = Portico_V1_CreateClientResponse()
        response.client = try await store.create(details, by: principal)
        return response
    }

    func updateClient(
        request: Portico_V1_UpdateClientRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateClientResponse {
        let principal = try CallContext.requirePrincipal()
        let clientID = try Self.clientID(request.clientId)
        let details = try ClientDetails(validating: request.client)
        var response = Portico_V1_UpdateClientResponse()
        response.client = try await store.update(clientID, with: details, by: principal)
        return response
    }

    func listClients(
        request: Portico_V1_ListClientsRequest, context: ServerContext
    ) async throws -> Portico_V1_ListClientsResponse {
        let principal = try CallContext.requirePrincipal()
        let pageSize = try PageToken.pageSize(request.page)
        let after = try PageToken.decode(request.page, keyCount: 1)
        let filter = try FieldText.searchText(
            request.nameContains, field: "name_contains", maximum: Self.maximumFilterLength
        )
        let page = try await store.list(nameContains: filter, after: after, pageSize: pageSize, by: principal)
        var response = Portico_V1_ListClientsResponse()
        response.clients = page.clients
        response.page.nextPageToken = page.next?.encoded ?? ""
        return response
    }

    func getClient(
        request: Portico_V1_GetClientRequest, context: ServerContext
    ) async throws -> Portico_V1_GetClientResponse {
        let principal = try CallContext.requirePrincipal()
        return try await store.detail(try Self.clientID(request.clientId), by: principal)
    }

    /// A malformed id is the caller's mistake (INVALID_ARGUMENT); a well-formed one
    /// that matches no client of the tenant is NOT_FOUND, later.
    static func clientID(_ raw: String) throws(PorticoError) -> UUID {
        guard let id = UUID(uuidString: raw) else {
            throw .invalidField("client_id", "must be a client id (a UUID)")
        }
        return id
    }
}
