import Foundation
import GRPCCore
import PorticoAPI

/// The client's side of a finished job: sign-off and reopen.
extension WorkOrdersService {
    func signOffCompletion(
        request: Portico_V1_SignOffCompletionRequest, context: ServerContext
    ) async throws -> Portico_V1_SignOffCompletionResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let note = try FieldText.multiLine(request.note, field: "note", maximum: Self.maximumNote)
        var response = Portico_V1_SignOffCompletionResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.signOff(id, note: note, by: principal), for: principal.role)
        return response
    }

    func reopenWorkOrder(
        request: Portico_V1_ReopenWorkOrderRequest, context: ServerContext
    ) async throws -> Portico_V1_ReopenWorkOrderResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let reason = try Self.requiredText(request.reason, field: "reason", maximum: Self.maximumNote)
        var response = Portico_V1_ReopenWorkOrderResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.reopen(id, reason: reason, by: principal), for: principal.role)
        return response
    }
}
