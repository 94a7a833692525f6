import Foundation
import PorticoAPI
import PostgresNIO

/// A work order as `WorkOrderStore` reads it, with its client's and location's names.
struct WorkOrderRow: Sendable, Equatable {
    var id: UUID
    var number: Int64
    var clientID: UUID
    var clientName: String
    var locationID: UUID
    var locationName: String
    var details: WorkOrderDetails
    var status: Portico_V1_WorkOrderStatus
    var assignedTechID: UUID?
    var assignedTechName: String
    var scheduledAt: Date?
    var nteCap: MoneyAmount?
    var requestedByName: String
    var createdAt: Date
    var updatedAt: Date
    var quoteNeeded: Bool
    /// Where the work order returns once its NTE increase is decided.
    var resumeStatus: Portico_V1_WorkOrderStatus?
    var completedAt: Date?
    /// The end of the client's reopen window, and when it closes without a sign-off.
    var closeDueAt: Date?
    var signedOffAt: Date?
    var signedOffByName: String

    init(row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        id = try cells["id"].decode(UUID.self)
        number = try cells["number"].decode(Int64.self)
        clientID = try cells["client_id"].decode(UUID.self)
        clientName = try cells["client_name"].decode(String.self)
        locationID = try cells["location_id"].decode(UUID.self)
        locationName = try cells["location_name"].decode(String.self)
        details = WorkOrderDetails(
            title: try cells["title"].decode(String.self),
            description: try cells["description"].decode(String.self),
            trade: Portico_V1_Trade(databaseName: try cells["trade"].decode(String.self)),
            priority: Portico_V1_Priority(databaseName: try cells["priority"].decode(String.self))
        )
        status = Portico_V1_WorkOrderStatus(databaseName: try cells["status"].decode(String.self))
        assignedTechID = try cells["assigned_tech_membership_id"].decode(UUID?.self)
        assignedTechName = try cells["assigned_tech_name"].decode(String.self)
        scheduledAt = try cells["scheduled_at"].decode(Date?.self)
        if let minor = try cells["nte_cap_minor"].decode(Int64?.self) {
            nteCap = MoneyAmount(minor: minor, currencyCode: try cells["currency_code"].decode(String.self))
        }
        requestedByName = try cells["requested_by_name"].decode(String.self)
        createdAt = try cells["created_at"].decode(Date.self)
        updatedAt = try cells["updated_at"].decode(Date.self)
        quoteNeeded = try cells["quote_needed"].decode(Bool.self)
        resumeStatus = try cells["resume_status"].decode(String?.self).map(Portico_V1_WorkOrderStatus.init(databaseName:))
        completedAt = try cells["completed_at"].decode(Date?.self)
        closeDueAt = try cells["close_due_at"].decode(Date?.self)
        signedOffAt = try cells["signed_off_at"].decode(Date?.self)
        signedOffByName = try cells["signed_off_by_name"].decode(String?.self) ?? ""
    }

    /// "WO-1042".
    var displayNumber: String { "WO-\(number)" }
}

/// One entry of a work order's history.
struct WorkOrderEventRow: Sendable, Equatable {
    var at: Date
    var byName: String
    var from: Portico_V1_WorkOrderStatus
    var to: Portico_V1_WorkOrderStatus
    var note: String

    init(row: PostgresRow) throws {
        let (at, byName, from, to, note) = try row.decode((Date, String, String?, String, String).self)
        self.at = at
        self.byName = byName
        self.from = from.map(Portico_V1_WorkOrderStatus.init(databaseName:)) ?? .unspecified
        self.to = Portico_V1_WorkOrderStatus(databaseName: to)
        self.note = note
    }
}

/// GetWorkOrder's answer.
struct WorkOrderDetail: Sendable {
    var workOrder: WorkOrderRow
    var history: [WorkOrderEventRow]
    var increases: [NteIncreaseRow]
}
