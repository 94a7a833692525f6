import Foundation
import PorticoAPI
import PostgresNIO

/// One cost line as `WorkOrderStore` reads it: contractor-only (rule 9).
struct CostLineRow: Sendable, Equatable {
    enum Kind: String, Sendable {
        case labour = "LABOUR"
        case parts = "PARTS"
    }

    var id: UUID
    var workOrderID: UUID
    /// The work order's order of lines, and the keyset.
    var seq: Int64
    var kind: Kind
    var description: String
    var quantityMilli: Int64
    var unitCost: MoneyAmount
    var markupBasisPoints: Int32
    var cost: MoneyAmount
    var billable: MoneyAmount
    var addedByName: String
    var createdAt: Date

    init(row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        let currency = try cells["currency_code"].decode(String.self)
        id = try cells["id"].decode(UUID.self)
        workOrderID = try cells["work_order_id"].decode(UUID.self)
        seq = try cells["seq"].decode(Int64.self)
        kind = Kind(rawValue: try cells["kind"].decode(String.self)) ?? .parts
        description = try cells["description"].decode(String.self)
        quantityMilli = try cells["quantity_milli"].decode(Int64.self)
        unitCost = MoneyAmount(minor: try cells["unit_cost_minor"].decode(Int64.self), currencyCode: currency)
        markupBasisPoints = try cells["markup_basis_points"].decode(Int32.self)
        cost = MoneyAmount(minor: try cells["cost_minor"].decode(Int64.self), currencyCode: currency)
        billable = MoneyAmount(minor: try cells["billable_minor"].decode(Int64.self), currencyCode: currency)
        addedByName = try cells["added_by_name"].decode(String.self)
        createdAt = try cells["created_at"].decode(Date.self)
    }
}

/// A page of cost lines with the totals over all of the work order's lines.
struct CostLinePage: Sendable {
    var lines: KeysetPage<CostLineRow>
    /// Nil without lines.
    var costTotal: MoneyAmount?
    var billableTotal: MoneyAmount?
    var nteCap: MoneyAmount?
}
