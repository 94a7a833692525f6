import PorticoAPI
import ProtoWire

extension Portico_V1_WorkOrder {
    /// A work order as `role` may see it: the NTE cap only for the tenant's admins and
    /// the company's owner (members and technicians see no money, rules 7 and 9).
    init(_ row: WorkOrderRow, for role: Portico_V1_Role) {
        self.init()
        id = row.id.uuidString.lowercased()
        number = row.displayNumber
        clientId = row.clientID.uuidString.lowercased()
        clientName = row.clientName
        locationId = row.locationID.uuidString.lowercased()
        locationName = row.locationName
        title = row.details.title
        description_ = row.details.description
        trade = row.details.trade
        priority = row.details.priority
        status = row.status
        assignedTechId = row.assignedTechID?.uuidString.lowercased() ?? ""
        assignedTechName = row.assignedTechID == nil ? "" : row.assignedTechName
        if let scheduledAt = row.scheduledAt { self.scheduledAt = Google_Protobuf_Timestamp(date: scheduledAt) }
        if let cap = row.nteCap, role == .admin || role == .owner { nteCap = Portico_V1_Money(cap) }
        requestedByName = row.requestedByName
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
        updatedAt = Google_Protobuf_Timestamp(date: row.updatedAt)
        quoteNeeded = row.quoteNeeded
        if let completedAt = row.completedAt { self.completedAt = Google_Protobuf_Timestamp(date: completedAt) }
        if let closeDueAt = row.closeDueAt { self.closeDueAt = Google_Protobuf_Timestamp(date: closeDueAt) }
        signedOffByName = row.signedOffByName
        if let signedOffAt = row.signedOffAt { self.signedOffAt = Google_Protobuf_Timestamp(date: signedOffAt) }
    }
}

extension Portico_V1_WorkOrderChange {
    init(_ row: WorkOrderEventRow) {
        self.init()
        at = Google_Protobuf_Timestamp(date: row.at)
        byName = row.byName
        fromStatus = row.from
        toStatus = row.to
        note = row.note
    }
}
