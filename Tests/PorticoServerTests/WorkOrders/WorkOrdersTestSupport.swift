import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer

extension TestServer {
    var workOrders: Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    /// The membership id of the scene's technician (the login `tech` signed in as).
    func membershipID(ofSession token: String) async throws -> String {
        try await whoAmI(token).principal.membership.id
    }

    func submitRequest(at location: String, _ fields: Portico_V1_WorkOrderFields, token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_SubmitRequestRequest()
        request.locationId = location
        request.workOrder = fields
        return try await workOrders.submitRequest(request, metadata: bearer(token)).workOrder
    }

    func createWorkOrder(
        at location: String, _ fields: Portico_V1_WorkOrderFields, cap: Portico_V1_Money? = nil, tech: String = "",
        token: String
    ) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_CreateWorkOrderRequest()
        request.locationId = location
        request.workOrder = fields
        if let cap { request.nteCap = cap }
        request.assignedTechId = tech
        return try await workOrders.createWorkOrder(request, metadata: bearer(token)).workOrder
    }

    func acceptRequest(_ id: String, token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_AcceptRequestRequest()
        request.workOrderId = id
        return try await workOrders.acceptRequest(request, metadata: bearer(token)).workOrder
    }

    func assign(_ id: String, tech: String, fields: Portico_V1_WorkOrderFields, token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_UpdateWorkOrderRequest()
        request.workOrderId = id
        request.workOrder = fields
        request.assignedTechId = tech
        return try await workOrders.updateWorkOrder(request, metadata: bearer(token)).workOrder
    }

    func setStatus(_ id: String, _ status: Portico_V1_WorkOrderStatus, note: String = "", token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_UpdateStatusRequest()
        request.workOrderId = id
        request.status = status
        request.note = note
        return try await workOrders.updateStatus(request, metadata: bearer(token)).workOrder
    }

    func cancelWorkOrder(_ id: String, note: String = "", token: String) async throws -> Portico_V1_WorkOrder {
        var request = Portico_V1_CancelWorkOrderRequest()
        request.workOrderId = id
        request.note = note
        return try await workOrders.cancelWorkOrder(request, metadata: bearer(token)).workOrder
    }

    func getWorkOrder(_ id: String, token: String) async throws -> Portico_V1_GetWorkOrderResponse {
        var request = Portico_V1_GetWorkOrderRequest()
        request.workOrderId = id
        return try await workOrders.getWorkOrder(request, metadata: bearer(token))
    }

    /// Every page of ListWorkOrders for `request` (its page size kept), as the numbers on each page.
    func workOrderNumberPages(_ request: Portico_V1_ListWorkOrdersRequest = .init(), token: String) async throws -> [[String]] {
        try await everyPage(request, token: \.page.pageToken) { request in
            let page = try await workOrders.listWorkOrders(request, metadata: bearer(token))
            return (page.workOrders.map(\.number), page.page.nextPageToken)
        }
    }

    func workOrderRowCount() async throws -> Int {
        try await fixtures.single("SELECT count(*)::int8 FROM portico.work_orders", as: Int.self)
    }
}

func workOrderFields(
    _ title: String, description: String = "", trade: Portico_V1_Trade = .plumbing, priority: Portico_V1_Priority = .normal
) -> Portico_V1_WorkOrderFields {
    var fields = Portico_V1_WorkOrderFields()
    fields.title = title
    fields.description_ = description
    fields.trade = trade
    fields.priority = priority
    return fields
}
