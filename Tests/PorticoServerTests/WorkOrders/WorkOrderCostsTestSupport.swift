import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer

extension TestServer {
    var tenantSettings: Portico_V1_TenantSettings.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    func setMarkup(_ basisPoints: Int32, timeZone: String = "UTC", token: String) async throws {
        var request = Portico_V1_UpdateTenantSettingsRequest()
        request.settings.markupBasisPoints = basisPoints
        request.settings.timeZone = timeZone
        _ = try await tenantSettings.updateTenantSettings(request, metadata: bearer(token))
    }

    func addCostLine(
        _ kind: Portico_V1_CostLineKind = .parts, _ description: String = "Parts", quantityMilli: Int64 = 1000,
        unitCost: Portico_V1_Money, to workOrder: String, token: String
    ) async throws -> Portico_V1_CostLine {
        var request = Portico_V1_AddCostLineRequest()
        request.workOrderId = workOrder
        request.kind = kind
        request.description_ = description
        request.quantityMilli = quantityMilli
        request.unitCost = unitCost
        return try await workOrders.addCostLine(request, metadata: bearer(token)).costLine
    }

    func costLines(of workOrder: String, pageSize: Int32 = 0, token: String) async throws -> Portico_V1_ListCostLinesResponse {
        var request = Portico_V1_ListCostLinesRequest()
        request.workOrderId = workOrder
        request.page.pageSize = pageSize
        return try await workOrders.listCostLines(request, metadata: bearer(token))
    }

    func requestIncrease(_ workOrder: String, to cap: Portico_V1_Money, reason: String = "More pipe is rotten", token: String) async throws -> Portico_V1_RequestNteIncreaseResponse {
        var request = Portico_V1_RequestNteIncreaseRequest()
        request.workOrderId = workOrder
        request.requestedCap = cap
        request.reason = reason
        return try await workOrders.requestNteIncrease(request, metadata: bearer(token))
    }

    func decideIncrease(_ workOrder: String, approve: Bool, token: String) async throws -> Portico_V1_DecideNteIncreaseResponse {
        var request = Portico_V1_DecideNteIncreaseRequest()
        request.workOrderId = workOrder
        request.approve = approve
        return try await workOrders.decideNteIncrease(request, metadata: bearer(token))
    }

    func flagQuoteNeeded(_ workOrder: String, note: String = "Needs a new boiler", token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_FlagQuoteNeededRequest()
        request.workOrderId = workOrder
        request.note = note
        return try await workOrders.flagQuoteNeeded(request, metadata: bearer(token)).workOrder
    }

    func signOff(_ workOrder: String, token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_SignOffCompletionRequest()
        request.workOrderId = workOrder
        return try await workOrders.signOffCompletion(request, metadata: bearer(token)).workOrder
    }

    func reopen(_ workOrder: String, reason: String = "Still leaking", token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_ReopenWorkOrderRequest()
        request.workOrderId = workOrder
        request.reason = reason
        return try await workOrders.reopenWorkOrder(request, metadata: bearer(token)).workOrder
    }

    /// A work order at a new location of the scene's client, assigned to the scene's
    /// technician and ACTIVE, with `cap`.
    func activeWorkOrder(_ scene: LocationScene, cap: Portico_V1_Money?, title: String = "Burst pipe") async throws -> Portico_V1_WorkOrder {
        let site = try await createLocation(locationFields("Site \(UUID().uuidString.prefix(6))"), client: scene.client, token: scene.admin)
        let techID = try await membershipID(ofSession: scene.tech)
        let created = try await createWorkOrder(at: site.id, workOrderFields(title), cap: cap, tech: techID, token: scene.admin)
        return try await setStatus(created.id, .active, token: scene.tech)
    }
}
