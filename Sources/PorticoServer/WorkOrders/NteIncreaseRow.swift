import Foundation
import PorticoAPI
import PostgresNIO

/// One NTE increase (a quote) as `WorkOrderStore` reads it: for admins and the
/// company's owner only.
struct NteIncreaseRow: Sendable, Equatable {
    var id: UUID
    var workOrderID: UUID
    var previousCap: MoneyAmount?
    var requestedCap: MoneyAmount
    var reason: String
    var status: Portico_V1_NteIncreaseStatus
    var requestedByName: String
    var requestedAt: Date
    var decidedByName: String
    var decidedAt: Date?
    var decisionNote: String

    init(row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        let currency = try cells["currency_code"].decode(String.self)
        id = try cells["id"].decode(UUID.self)
        workOrderID = try cells["work_order_id"].decode(UUID.self)
        previousCap = try cells["previous_cap_minor"].decode(Int64?.self).map {
            MoneyAmount(minor: $0, currencyCode: currency)
        }
        requestedCap = MoneyAmount(minor: try cells["requested_cap_minor"].decode(Int64.self), currencyCode: currency)
        reason = try cells["reason"].decode(String.self)
        status = switch try cells["status"].decode(String.self) {
        case "APPROVED": .approved
        case "REJECTED": .rejected
        case "WITHDRAWN": .withdrawn
        default: .pending
        }
        requestedByName = try cells["requested_by_name"].decode(String.self)
        requestedAt = try cells["requested_at"].decode(Date.self)
        decidedByName = try cells["decided_by_name"].decode(String?.self) ?? ""
        decidedAt = try cells["decided_at"].decode(Date?.self)
        decisionNote = try cells["decision_note"].decode(String.self)
    }
}
