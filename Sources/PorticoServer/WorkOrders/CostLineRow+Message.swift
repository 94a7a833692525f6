import PorticoAPI
import ProtoWire

extension Portico_V1_CostLine {
    init(_ row: CostLineRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        workOrderId = row.workOrderID.uuidString.lowercased()
        kind = row.kind == .labour ? .labour : .parts
        description_ = row.description
        quantityMilli = row.quantityMilli
        unitCost = Portico_V1_Money(row.unitCost)
        markupBasisPoints = row.markupBasisPoints
        cost = Portico_V1_Money(row.cost)
        billable = Portico_V1_Money(row.billable)
        addedByName = row.addedByName
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
    }
}

extension Portico_V1_ListCostLinesResponse {
    init(_ page: CostLinePage) {
        self.init()
        costLines = page.lines.rows.map(Portico_V1_CostLine.init)
        self.page.nextPageToken = page.lines.nextPageToken
        if let costTotal = page.costTotal { self.costTotal = Portico_V1_Money(costTotal) }
        if let billableTotal = page.billableTotal { self.billableTotal = Portico_V1_Money(billableTotal) }
        if let cap = page.nteCap {
            nteCap = Portico_V1_Money(cap)
            let spent = page.billableTotal?.minor ?? 0
            nteRemaining = Portico_V1_Money(MoneyAmount(minor: max(0, cap.minor - spent), currencyCode: cap.currencyCode))
        }
    }
}
