import Foundation
import PorticoAPI
import PostgresNIO

/// A client's NTE profile as `NteProfileStore` reads it: the profile row, its client's
/// name and sort key, and its caps.
struct NteProfileRow: Sendable, Equatable {
    var clientID: UUID
    var clientName: String
    /// The client's `sort_name`: the list's keyset (unique within a tenant).
    var clientSortName: String
    var currencyCode: String
    var defaultCapMinor: Int64?
    /// By trade, in the enum's order.
    var tradeCaps: [NteProfileDetails.TradeCap]
    /// By location id, then trade in the enum's order.
    var locationCaps: [NteProfileDetails.LocationCap]
    var updatedAt: Date

    /// A row of `NteProfileStore.profileColumns`, before its caps are read.
    init(row: PostgresRow) throws {
        (clientID, clientName, clientSortName, currencyCode, defaultCapMinor, updatedAt) = try row.decode(
            (UUID, String, String, String, Int64?, Date).self
        )
        tradeCaps = []
        locationCaps = []
    }

    /// Adds one `nte_caps` row (client id, location id or NULL, trade, cap).
    mutating func add(cap row: PostgresRow) throws {
        let (_, locationID, tradeName, capMinor) = try row.decode((UUID, UUID?, String, Int64).self)
        let trade = Portico_V1_Trade(databaseName: tradeName)
        if let locationID {
            locationCaps.append(NteProfileDetails.LocationCap(locationID: locationID, trade: trade, capMinor: capMinor))
        } else {
            tradeCaps.append(NteProfileDetails.TradeCap(trade: trade, capMinor: capMinor))
        }
    }

    /// Caps in a stable order: trades as the enum lists them, locations by id.
    mutating func sortCaps() {
        let order = Dictionary(uniqueKeysWithValues: Portico_V1_Trade.known.enumerated().map { ($1, $0) })
        tradeCaps.sort { order[$0.trade, default: .max] < order[$1.trade, default: .max] }
        locationCaps.sort {
            ($0.locationID.uuidString, order[$0.trade, default: .max]) < ($1.locationID.uuidString, order[$1.trade, default: .max])
        }
    }
}
