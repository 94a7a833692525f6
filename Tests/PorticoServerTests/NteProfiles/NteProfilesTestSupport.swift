import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer

extension TestServer {
    var nteProfiles: Portico_V1_NteProfiles.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    func setNteProfile(_ request: Portico_V1_SetNteProfileRequest, token: String) async throws -> Portico_V1_NteProfile {
        try await nteProfiles.setNteProfile(request, metadata: bearer(token)).profile
    }

    /// Every page of `ListNteProfiles`, as the client names on each page.
    func nteProfilePages(client: UUID? = nil, pageSize: Int32 = 0, token: String) async throws -> [[String]] {
        try await nteProfileList(client: client, pageSize: pageSize, token: token).map { $0.map(\.clientName) }
    }

    func nteProfileList(client: UUID? = nil, pageSize: Int32 = 0, token: String) async throws -> [[Portico_V1_NteProfile]] {
        var request = Portico_V1_ListNteProfilesRequest()
        request.clientId = client?.uuidString ?? ""
        request.page.pageSize = pageSize
        return try await everyPage(request, token: \.page.pageToken) { request in
            let page = try await nteProfiles.listNteProfiles(request, metadata: bearer(token))
            return (page.profiles, page.page.nextPageToken)
        }
    }

    /// How many cap rows the database holds, all tenants, read as the schema owner.
    func nteCapRowCount() async throws -> Int {
        try await fixtures.single("SELECT count(*)::int8 FROM portico.nte_caps", as: Int.self)
    }
}

func money(_ minor: Int64, _ currency: String = "USD") -> Portico_V1_Money {
    var money = Portico_V1_Money()
    money.amountMinor = minor
    money.currencyCode = currency
    return money
}

/// A profile request: an optional default, trade caps and location caps.
func nteProfileRequest(
    client: UUID, default defaultCap: Portico_V1_Money? = nil,
    trades: [(Portico_V1_Trade, Portico_V1_Money)] = [],
    locations: [(String, Portico_V1_Trade, Portico_V1_Money)] = []
) -> Portico_V1_SetNteProfileRequest {
    var request = Portico_V1_SetNteProfileRequest()
    request.clientId = client.uuidString
    if let defaultCap { request.defaultCap = defaultCap }
    request.tradeCaps = trades.map { trade, cap in
        var tradeCap = Portico_V1_TradeCap()
        tradeCap.trade = trade
        tradeCap.cap = cap
        return tradeCap
    }
    request.locationCaps = locations.map { location, trade, cap in
        var locationCap = Portico_V1_LocationTradeCap()
        locationCap.locationId = location
        locationCap.trade = trade
        locationCap.cap = cap
        return locationCap
    }
    return request
}
