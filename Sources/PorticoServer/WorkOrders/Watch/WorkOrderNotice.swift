import Foundation
import PorticoAPI
import ProtoWire

/// One change to a work order as the database announces it (`portico.notify_work_order`,
/// migration 0009): what a subscriber is filtered by, and nothing more.
struct WorkOrderNotice: Sendable, Equatable, Decodable {
    var kind: String
    var tenantID: UUID
    var workOrderID: UUID
    var number: Int64
    var clientID: UUID
    var status: String
    /// The assigned technician's user now, and before the change.
    var technician: UUID?
    var previousTechnician: UUID?

    enum CodingKeys: String, CodingKey {
        case kind = "k", tenantID = "t", workOrderID = "w", number = "n", clientID = "c", status = "s"
        case technician = "u", previousTechnician = "o"
    }

    /// Whether `scope` may hear of it: the same scoping as reading the work order
    /// (admins: the tenant's; a technician: assigned to them, now or until this change;
    /// client users: their company's).
    func isVisible(to scope: WatchScope) -> Bool {
        guard tenantID == scope.tenantID else { return false }
        switch scope.role {
        case .admin: return true
        case .tech: return technician == scope.userID || previousTechnician == scope.userID
        case .owner, .member: return clientID == scope.clientID
        default: return false
        }
    }

    var event: Portico_V1_WorkOrderEvent {
        var event = Portico_V1_WorkOrderEvent()
        event.kind = switch kind {
        case "CREATED": .created
        case "STATUS": .status
        case "ASSIGNMENT": .assignment
        case "COMMENT": .comment
        case "CAP": .cap
        default: .updated
        }
        event.workOrderId = workOrderID.uuidString.lowercased()
        event.number = "WO-\(number)"
        event.status = Portico_V1_WorkOrderStatus(databaseName: status)
        event.at = Google_Protobuf_Timestamp(date: Date())
        return event
    }
}

extension WorkOrderNotice {
    /// The notice a NOTIFY payload holds; nil for one that is not (logged by the caller).
    init?(payload: String) {
        guard let notice = try? JSONDecoder().decode(Self.self, from: Data(payload.utf8)) else { return nil }
        self = notice
    }
}

/// Who a WatchWorkOrders stream is for, taken from the caller's principal.
struct WatchScope: Sendable, Equatable {
    var sessionID: UUID
    var tenantID: UUID
    var role: Portico_V1_Role
    var userID: UUID
    var clientID: UUID?
}

extension WatchScope {
    init(_ principal: Principal) throws(PorticoError) {
        sessionID = principal.sessionID
        tenantID = try principal.requireTenantID()
        role = principal.role
        userID = principal.userID
        clientID = principal.clientID
    }
}
