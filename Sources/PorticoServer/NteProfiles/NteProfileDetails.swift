import Foundation
import PorticoAPI

/// A SetNteProfile request once validated: the client's whole profile, every amount
/// positive and in one currency, each trade and each location and trade at most once.
/// A profile without any cap is the client having none.
struct NteProfileDetails: Sendable, Equatable {
    struct TradeCap: Sendable, Equatable {
        var trade: Portico_V1_Trade
        var capMinor: Int64
    }

    struct LocationCap: Sendable, Equatable {
        var locationID: UUID
        var trade: Portico_V1_Trade
        var capMinor: Int64
    }

    var clientID: UUID
    /// The currency of every cap; nil for a profile without caps, which removes the
    /// client's profile.
    var currencyCode: String?
    var defaultCapMinor: Int64?
    /// By trade, in the enum's order.
    var tradeCaps: [TradeCap]
    var locationCaps: [LocationCap]

    /// Most caps of each kind one profile holds: every trade, and every trade at a few
    /// hundred sites.
    static let maximumLocationCaps = 5_000

    init(validating request: Portico_V1_SetNteProfileRequest) throws(PorticoError) {
        clientID = try UUID(field: "client_id", request.clientId, what: "a client id")
        var currency: String?
        /// Every amount must be in the profile's one currency: the first one given.
        func amount(_ money: Portico_V1_Money, field: String) throws(PorticoError) -> Int64 {
            let amount = try MoneyAmount(validatingPositive: money, field: field)
            if let currency, amount.currencyCode != currency {
                throw .invalidField("\(field).currency_code", "must be \(currency), like the profile's other caps")
            }
            currency = amount.currencyCode
            return amount.minor
        }
        defaultCapMinor = request.hasDefaultCap ? try amount(request.defaultCap, field: "default_cap") : nil
        var byTrade: [Portico_V1_Trade: Int64] = [:]
        for (index, tradeCap) in request.tradeCaps.enumerated() {
            let field = "trade_caps[\(index)]"
            let trade = try Portico_V1_Trade(validating: tradeCap.trade, field: "\(field).trade")
            guard byTrade[trade] == nil else { throw .invalidField("\(field).trade", "appears twice") }
            guard tradeCap.hasCap else { throw .invalidField("\(field).cap", "must be set") }
            byTrade[trade] = try amount(tradeCap.cap, field: "\(field).cap")
        }
        tradeCaps = Portico_V1_Trade.known.compactMap { trade in byTrade[trade].map { TradeCap(trade: trade, capMinor: $0) } }
        guard request.locationCaps.count <= Self.maximumLocationCaps else {
            throw .invalidField("location_caps", "must hold at most \(Self.maximumLocationCaps) caps")
        }
        locationCaps = []
        var seen = Set<String>()
        for (index, locationCap) in request.locationCaps.enumerated() {
            let field = "location_caps[\(index)]"
            let locationID = try UUID(field: "\(field).location_id", locationCap.locationId, what: "a location id")
            let trade = try Portico_V1_Trade(validating: locationCap.trade, field: "\(field).trade")
            guard seen.insert("\(locationID) \(trade)").inserted else {
                throw .invalidField(field, "this location and trade appear twice")
            }
            guard locationCap.hasCap else { throw .invalidField("\(field).cap", "must be set") }
            locationCaps.append(LocationCap(locationID: locationID, trade: trade, capMinor: try amount(locationCap.cap, field: "\(field).cap")))
        }
        currencyCode = currency
    }
}
