import Foundation
import GRPCCore
import PorticoAPI
import ProtoWire

/// `portico.v1.WorkOrders`: requests, work orders and their lifecycle
/// (Schema/README.md rules 5–9, 12 and 14). Every request is validated before the
/// database is touched; the store applies the lifecycle under the work order's lock.
/// Costs and NTE increases, completion and the live watch are in the extensions.
struct WorkOrdersService: Portico_V1_WorkOrders.SimpleServiceProtocol {
    let store: WorkOrderStore
    /// This instance's WatchWorkOrders subscribers.
    let watch: WatchHub

    /// Longest note kept in a work order's history.
    static let maximumNote = 2000
    /// Longest comment.
    static let maximumComment = 5000

    func submitRequest(
        request: Portico_V1_SubmitRequestRequest, context: ServerContext
    ) async throws -> Portico_V1_SubmitRequestResponse {
        let principal = try CallContext.requirePrincipal()
        let new = WorkOrderStore.NewWorkOrder(
            locationID: try UUID(field: "location_id", request.locationId, what: "a location id"),
            details: try WorkOrderDetails(validating: request.workOrder), status: .requested
        )
        var response = Portico_V1_SubmitRequestResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.create(new, by: principal), for: principal.role)
        return response
    }

    func createWorkOrder(
        request: Portico_V1_CreateWorkOrderRequest, context: ServerContext
    ) async throws -> Portico_V1_CreateWorkOrderResponse {
        let principal = try CallContext.requirePrincipal()
        let new = WorkOrderStore.NewWorkOrder(
            locationID: try UUID(field: "location_id", request.locationId, what: "a location id"),
            details: try WorkOrderDetails(validating: request.workOrder), status: .open,
            agreedCap: request.hasNteCap ? try MoneyAmount(validatingPositive: request.nteCap, field: "nte_cap") : nil,
            technicianID: try Self.technicianID(request.assignedTechId),
            scheduledAt: request.hasScheduledAt ? request.scheduledAt.date : nil
        )
        var response = Portico_V1_CreateWorkOrderResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.create(new, by: principal), for: principal.role)
        return response
    }

    func acceptRequest(
        request: Portico_V1_AcceptRequestRequest, context: ServerContext
    ) async throws -> Portico_V1_AcceptRequestResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let note = try FieldText.multiLine(request.note, field: "note", maximum: Self.maximumNote)
        var response = Portico_V1_AcceptRequestResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.accept(id, note: note, by: principal), for: principal.role)
        return response
    }

    func updateWorkOrder(
        request: Portico_V1_UpdateWorkOrderRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateWorkOrderResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let details = try WorkOrderDetails(validating: request.workOrder)
        let updated = try await store.update(
            id, details: details, technicianID: try Self.technicianID(request.assignedTechId),
            scheduledAt: request.hasScheduledAt ? request.scheduledAt.date : nil, by: principal
        )
        var response = Portico_V1_UpdateWorkOrderResponse()
        response.workOrder = Portico_V1_WorkOrder(updated, for: principal.role)
        return response
    }

    func cancelWorkOrder(
        request: Portico_V1_CancelWorkOrderRequest, context: ServerContext
    ) async throws -> Portico_V1_CancelWorkOrderResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let note = try FieldText.multiLine(request.note, field: "note", maximum: Self.maximumNote)
        var response = Portico_V1_CancelWorkOrderResponse()
        response.workOrder = Portico_V1_WorkOrder(try await store.cancel(id, note: note, by: principal), for: principal.role)
        return response
    }

    func updateStatus(
        request: Portico_V1_UpdateStatusRequest, context: ServerContext
    ) async throws -> Portico_V1_UpdateStatusResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let status = try Self.status(request.status, field: "status")
        let note = try FieldText.multiLine(request.note, field: "note", maximum: Self.maximumNote)
        var response = Portico_V1_UpdateStatusResponse()
        let updated = try await store.setStatus(id, to: status, note: note, by: principal)
        response.workOrder = Portico_V1_WorkOrder(updated, for: principal.role)
        return response
    }

    func getWorkOrder(
        request: Portico_V1_GetWorkOrderRequest, context: ServerContext
    ) async throws -> Portico_V1_GetWorkOrderResponse {
        let principal = try CallContext.requirePrincipal()
        let detail = try await store.detail(try Self.workOrderID(request.workOrderId), by: principal)
        var response = Portico_V1_GetWorkOrderResponse()
        response.workOrder = Portico_V1_WorkOrder(detail.workOrder, for: principal.role)
        response.history = detail.history.map(Portico_V1_WorkOrderChange.init)
        // Row-level security already hides them from everyone else; money stays out of
        // a member's or technician's answer even if a policy is ever loosened.
        if principal.role == .admin || principal.role == .owner {
            response.nteIncreases = detail.increases.map(Portico_V1_NteIncrease.init)
        }
        return response
    }

    func listWorkOrders(
        request: Portico_V1_ListWorkOrdersRequest, context: ServerContext
    ) async throws -> Portico_V1_ListWorkOrdersResponse {
        let principal = try CallContext.requirePrincipal()
        let page = try PageRequest(request.page, keyCount: 1)
        let workOrders = try await store.list(try Self.filter(request, for: principal), page, by: principal)
        var response = Portico_V1_ListWorkOrdersResponse()
        response.workOrders = workOrders.rows.map { Portico_V1_WorkOrder($0, for: principal.role) }
        response.page.nextPageToken = workOrders.nextPageToken
        return response
    }

    func addComment(
        request: Portico_V1_AddCommentRequest, context: ServerContext
    ) async throws -> Portico_V1_AddCommentResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let body = try Self.requiredText(request.body, field: "body", maximum: Self.maximumComment)
        var response = Portico_V1_AddCommentResponse()
        response.comment = Portico_V1_Comment(try await store.addComment(body, to: id, by: principal))
        return response
    }

    func listComments(
        request: Portico_V1_ListCommentsRequest, context: ServerContext
    ) async throws -> Portico_V1_ListCommentsResponse {
        let principal = try CallContext.requirePrincipal()
        let id = try Self.workOrderID(request.workOrderId)
        let page = try PageRequest(request.page, keyCount: 1)
        let comments = try await store.comments(of: id, page, by: principal)
        var response = Portico_V1_ListCommentsResponse()
        response.comments = comments.rows.map(Portico_V1_Comment.init)
        response.page.nextPageToken = comments.nextPageToken
        return response
    }

    /// ListWorkOrders' filters, validated. A client user may name only their own
    /// company (another is NOT_FOUND), and is narrowed to it when naming none.
    static func filter(
        _ request: Portico_V1_ListWorkOrdersRequest, for principal: Principal
    ) throws(PorticoError) -> WorkOrderStore.Filter {
        var filter = WorkOrderStore.Filter()
        for (index, status) in request.statuses.enumerated() {
            filter.statuses.append(try Self.status(status, field: "statuses[\(index)]"))
        }
        filter.clientID = try principal.requestedClient(request.clientId)
        if !request.locationId.isEmpty {
            filter.locationID = try UUID(field: "location_id", request.locationId, what: "a location id")
        }
        if request.trade != .unspecified { filter.trade = try Portico_V1_Trade(validating: request.trade, field: "trade") }
        filter.technicianID = try technicianID(request.assignedTechId)
        if request.hasUpdatedSince { filter.updatedSince = request.updatedSince.date }
        filter.search = try FieldText.singleLine(request.search, field: "search", maximum: 200)
        return filter
    }

    /// Text that must not be blank.
    static func requiredText(_ raw: String, field: String, maximum: Int) throws(PorticoError) -> String {
        let text = try FieldText.multiLine(raw, field: field, maximum: maximum)
        if text.isEmpty { throw .invalidField(field, "must not be empty") }
        return text
    }

    static func workOrderID(_ raw: String) throws(PorticoError) -> UUID {
        try UUID(field: "work_order_id", raw, what: "a work order id")
    }

    /// An optional technician's membership id: empty is none.
    static func technicianID(_ raw: String) throws(PorticoError) -> UUID? {
        raw.isEmpty ? nil : try UUID(field: "assigned_tech_id", raw, what: "a technician's membership id")
    }

    /// A status a request names: set, and one the schema knows.
    static func status(_ status: Portico_V1_WorkOrderStatus, field: String) throws(PorticoError) -> Portico_V1_WorkOrderStatus {
        switch status {
        case .unspecified: throw .invalidField(field, "must be set")
        case .unrecognized: throw .invalidField(field, "is not a known status")
        default: return status
        }
    }
}
