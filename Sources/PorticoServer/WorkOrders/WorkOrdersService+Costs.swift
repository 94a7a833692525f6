import Foundation
import GRPCCore
import PorticoAPI

/// Cost lines, the quote-needed flag and NTE increases (rules 9 and 12).
extension WorkOrdersService {
    /// Longest cost line description.
    static let maximumCostDescription = 500
    /// 10,000 hours or units, in thousandths: with `MoneyAmount.maximumMinor` per unit
    /// and the highest markup, a line's total stays far inside `Int64`.
    static let maximumQuantityMilli: Int64 = 10_000_000

    func addCostLine(
        request: Portico_V1_AddCostLineRequest, context: ServerContext
    ) async throws -> Portico_V1_AddCostLineResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let line = try Self.costLine(request)
        var response = Portico_V1_AddCostLineResponse()
        response.costLine = Portico_V1_CostLine(try await store.addCostLine(line, to: id, by: principal))
        return response
    }

    func listCostLines(
        request: Portico_V1_ListCostLinesRequest, context: ServerContext
    ) async throws -> Portico_V1_ListCostLinesResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let page = try PageRequest(request.page, keyCount: 1)
        return Portico_V1_ListCostLinesResponse(try await store.costLines(of: id, page, by: principal))
    }

    func flagQuoteNeeded(
        request: Portico_V1_FlagQuoteNeededRequest, context: ServerContext
    ) async throws -> Portico_V1_FlagQuoteNeededResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let note = try Self.requiredText(request.note, field: "note", maximum: Self.maximumNote)
        var response = Portico_V1_FlagQuoteNeededResponse()
        let updated = try await store.flagQuoteNeeded(id, note: note, by: principal)
        response.workOrder = Portico_V1_WorkOrder(updated, for: principal.role)
        return response
    }

    func requestNteIncrease(
        request: Portico_V1_RequestNteIncreaseRequest, context: ServerContext
    ) async throws -> Portico_V1_RequestNteIncreaseResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        guard request.hasRequestedCap else { throw PorticoError.invalidField("requested_cap", "must be set") }
        let cap = try MoneyAmount(validatingPositive: request.requestedCap, field: "requested_cap")
        let reason = try Self.requiredText(request.reason, field: "reason", maximum: Self.maximumNote)
        let (workOrder, increase) = try await store.requestIncrease(id, to: cap, reason: reason, by: principal)
        var response = Portico_V1_RequestNteIncreaseResponse()
        response.workOrder = Portico_V1_WorkOrder(workOrder, for: principal.role)
        response.nteIncrease = Portico_V1_NteIncrease(increase)
        return response
    }

    func decideNteIncrease(
        request: Portico_V1_DecideNteIncreaseRequest, context: ServerContext
    ) async throws -> Portico_V1_DecideNteIncreaseResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let note = try FieldText.multiLine(request.note, field: "note", maximum: Self.maximumNote)
        let (workOrder, increase) = try await store.decideIncrease(id, approve: request.approve, note: note, by: principal)
        var response = Portico_V1_DecideNteIncreaseResponse()
        response.workOrder = Portico_V1_WorkOrder(workOrder, for: principal.role)
        response.nteIncrease = Portico_V1_NteIncrease(increase)
        return response
    }

    /// AddCostLine's line, validated: a kind, a description, a quantity and a unit cost.
    static func costLine(_ request: Portico_V1_AddCostLineRequest) throws(PorticoError) -> WorkOrderStore.NewCostLine {
        let kind: CostLineRow.Kind
        switch request.kind {
        case .labour: kind = .labour
        case .parts: kind = .parts
        case .unspecified: throw .invalidField("kind", "must be set")
        case .unrecognized: throw .invalidField("kind", "is not a known kind")
        }
        let description = try requiredText(request.description_, field: "description", maximum: maximumCostDescription)
        guard (1...maximumQuantityMilli).contains(request.quantityMilli) else {
            throw .invalidField("quantity_milli", "must be from 1 to \(maximumQuantityMilli) (thousandths)")
        }
        guard request.hasUnitCost else { throw .invalidField("unit_cost", "must be set") }
        let unitCost = try MoneyAmount(validatingPositive: request.unitCost, field: "unit_cost")
        return WorkOrderStore.NewCostLine(
            kind: kind, description: description, quantityMilli: request.quantityMilli, unitCost: unitCost
        )
    }
}
