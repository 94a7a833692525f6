import PorticoAPI
import ProtoWire

extension Portico_V1_NteProfile {
    init(_ row: NteProfileRow) {
        self.init()
        clientId = row.clientID.uuidString.lowercased()
        clientName = row.clientName
        let currency = row.currencyCode
        if let minor = row.defaultCapMinor { defaultCap = Portico_V1_Money(MoneyAmount(minor: minor, currencyCode: currency)) }
        tradeCaps = row.tradeCaps.map { cap in
            var tradeCap = Portico_V1_TradeCap()
            tradeCap.trade = cap.trade
            tradeCap.cap = Portico_V1_Money(MoneyAmount(minor: cap.capMinor, currencyCode: currency))
            return tradeCap
        }
        locationCaps = row.locationCaps.map { cap in
            var locationCap = Portico_V1_LocationTradeCap()
            locationCap.locationId = cap.locationID.uuidString.lowercased()
            locationCap.trade = cap.trade
            locationCap.cap = Portico_V1_Money(MoneyAmount(minor: cap.capMinor, currencyCode: currency))
            return locationCap
        }
        updatedAt = Google_Protobuf_Timestamp(date: row.updatedAt)
    }
}
