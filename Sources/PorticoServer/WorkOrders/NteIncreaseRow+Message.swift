import PorticoAPI
import ProtoWire

extension Portico_V1_NteIncrease {
    init(_ row: NteIncreaseRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        workOrderId = row.workOrderID.uuidString.lowercased()
        if let previousCap = row.previousCap { self.previousCap = Portico_V1_Money(previousCap) }
        requestedCap = Portico_V1_Money(row.requestedCap)
        reason = row.reason
        status = row.status
        requestedByName = row.requestedByName
        requestedAt = Google_Protobuf_Timestamp(date: row.requestedAt)
        decidedByName = row.decidedByName
        if let decidedAt = row.decidedAt { self.decidedAt = Google_Protobuf_Timestamp(date: decidedAt) }
        decisionNote = row.decisionNote
    }
}
