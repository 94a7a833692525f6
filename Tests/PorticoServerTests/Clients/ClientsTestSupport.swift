import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer

extension TestServer {
    var clients: Portico_V1_Clients.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    /// A new tenant with a signed-in ADMIN.
    func signedInAdmin() async throws -> (token: String, tenant: UUID) {
        let admin = try await fixtures.member(.admin)
        guard let tenant = admin.tenant else { throw FixtureError.noRow }
        return (try await signIn(email: admin.email), tenant)
    }

    func createClient(_ fields: Portico_V1_ClientFields, token: String) async throws -> Portico_V1_Client {
        var request = Portico_V1_CreateClientRequest()
        request.client = fields
        return try await clients.createClient(request, metadata: bearer(token)).client
    }

    func updateClient(_ id: String, _ fields: Portico_V1_ClientFields, token: String) async throws -> Portico_V1_Client {
        var request = Portico_V1_UpdateClientRequest()
        request.clientId = id
        request.client = fields
        return try await clients.updateClient(request, metadata: bearer(token)).client
    }

    func getClient(_ id: String, token: String) async throws -> Portico_V1_GetClientResponse {
        var request = Portico_V1_GetClientRequest()
        request.clientId = id
        return try await clients.getClient(request, metadata: bearer(token))
    }

    /// Every page of `ListClients` with `pageSize`, as the names on each page.
    func clientNamePages(pageSize: Int32, nameContains: String = "", token: String) async throws -> [[String]] {
        var request = Portico_V1_ListClientsRequest()
        request.page.pageSize = pageSize
        request.nameContains = nameContains
        return try await everyPage(request, token: \.page.pageToken) { request in
            let page = try await clients.listClients(request, metadata: bearer(token))
            return (page.clients.map(\.name), page.page.nextPageToken)
        }
    }

    /// How many client rows the database holds, all tenants, read as the schema owner.
    func clientRowCount() async throws -> Int {
        try await fixtures.single("SELECT count(*)::int8 FROM portico.clients", as: Int.self)
    }
}

/// Client fields with only a name, or any of the others set.
func clientFields(
    _ name: String, billingEmail: String = "", phone: String = "", notes: String = "",
    address: Portico_V1_PostalAddress? = nil
) -> Portico_V1_ClientFields {
    var fields = Portico_V1_ClientFields()
    fields.name = name
    fields.billingEmail = billingEmail
    fields.phone = phone
    fields.notes = notes
    if let address { fields.address = address }
    return fields
}

func postalAddress(
    line1: String = "", line2: String = "", city: String = "", region: String = "",
    postalCode: String = "", countryCode: String = ""
) -> Portico_V1_PostalAddress {
    var address = Portico_V1_PostalAddress()
    address.line1 = line1
    address.line2 = line2
    address.city = city
    address.region = region
    address.postalCode = postalCode
    address.countryCode = countryCode
    return address
}
