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
        response.client = Portico_V1_Client(try await store.create(details, by: principal))
        return response
    }

    func updateClient(
        request: Portico_V1_UpdateClientRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateClientResponse {
        let principal = try CallContext.requirePrincipal()
        let clientID = try UUID(field: "client_id", request.clientId, what: "a client id")
        let details = try ClientDetails(validating: request.client)
        var response = Portico_V1_UpdateClientResponse()
        response.client = Portico_V1_Client(try await store.update(clientID, with: details, by: principal))
        return response
    }

    func listClients(
        request: Portico_V1_ListClientsRequest, context: ServerContext
    ) async throws -> Portico_V1_ListClientsResponse {
        let principal = try CallContext.requirePrincipal()
        let page = try PageRequest(request.page, keyCount: 1)
        let filter = try FieldText.searchText(
            request.nameContains, field: "name_contains", maximum: Self.maximumFilterLength
        )
        let clients = try await store.list(nameContains: filter, page, by: principal)
        var response = Portico_V1_ListClientsResponse()
        response.clients = clients.rows.map(Portico_V1_Client.init)
        response.page.nextPageToken = clients.nextPageToken
        return response
    }

    func getClient(
        request: Portico_V1_GetClientRequest, context: ServerContext
    ) async throws -> Portico_V1_GetClientResponse {
        let principal = try CallContext.requirePrincipal()
        let clientID = try UUID(field: "client_id", request.clientId, what: "a client id")
        let detail = try await store.detail(clientID, by: principal)
        var response = Portico_V1_GetClientResponse()
        response.client = Portico_V1_Client(detail.client)
        let owner = detail.users.first { $0.role == .owner }
        if let owner { response.owner = Portico_V1_User(owner) }
        response.members = detail.users.filter { $0.role == .member }.map(Portico_V1_User.init)
        // The panel agrees with itself even when a user was invited or removed between
        // the two statements (each sees its own READ COMMITTED snapshot).
        response.client.userCount = Int32(detail.users.count)
        response.client.ownerStatus = owner.map { Portico_V1_UserStatus(temporaryPassword: $0.passwordIsTemporary) } ?? .unspecified
        return response
    }
}
