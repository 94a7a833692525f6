import PorticoAPI

/// The work-order lifecycle (Schema/README.md, "Work-order lifecycle") as rules: which
/// status may follow which, through which method, for whom. Pure, so it is tested on
/// its own and the store only applies it under the work order's row lock.
enum WorkOrderLifecycle {
    /// Statuses before COMPLETED: the ones a work order can still be cancelled and
    /// edited in.
    static let unfinished: Set<Portico_V1_WorkOrderStatus> = [
        .requested, .open, .active, .onHold, .pendingAuthorization,
    ]

    /// The moves UpdateStatus makes, and who may make each: technicians start, pause and
    /// resume their work; completion is the office's (it accepts the technician's report).
    static func statusMove(
        from: Portico_V1_WorkOrderStatus, to: Portico_V1_WorkOrderStatus, by role: Portico_V1_Role,
        hasTechnician: Bool
    ) throws(PorticoError) {
        switch (from, to) {
        case (.open, .active), (.onHold, .active):
            guard hasTechnician else {
                throw PorticoError(.failedPrecondition, "assign a technician before the work order becomes ACTIVE")
            }
        case (.active, .onHold):
            break
        case (.active, .completed):
            guard role == .admin else {
                throw PorticoError(.permissionDenied, "only the office marks a work order COMPLETED")
            }
        default:
            throw illegal(from: from, to: to)
        }
    }

    /// The error for a move the lifecycle does not have: FAILED_PRECONDITION naming both
    /// states.
    static func illegal(from: Portico_V1_WorkOrderStatus, to: Portico_V1_WorkOrderStatus) -> PorticoError {
        PorticoError(.failedPrecondition, "a work order cannot go from \(from.name) to \(to.name)")
    }
}

extension Portico_V1_WorkOrderStatus {
    /// Every status a work order can have, in the enum's order.
    static let known: [Portico_V1_WorkOrderStatus] = [
        .requested, .open, .active, .onHold, .pendingAuthorization, .completed, .closed, .cancelled,
    ]

    /// The status as the database and error messages spell it: "ON_HOLD".
    var name: String {
        switch self {
        case .requested: "REQUESTED"
        case .open: "OPEN"
        case .active: "ACTIVE"
        case .onHold: "ON_HOLD"
        case .pendingAuthorization: "PENDING_AUTHORIZATION"
        case .completed: "COMPLETED"
        case .closed: "CLOSED"
        case .cancelled: "CANCELLED"
        case .unspecified: "UNSPECIFIED"
        case .unrecognized(let number): "UNKNOWN(\(number))"
        }
    }

    /// The status a row names; an unknown spelling is `.unspecified`.
    init(databaseName: String) {
        self = Self.known.first { $0.name == databaseName } ?? .unspecified
    }
}

extension Portico_V1_Priority {
    static let known: [Portico_V1_Priority] = [.low, .normal, .high, .emergency]

    var databaseName: String {
        switch self {
        case .low: "LOW"
        case .normal, .unspecified, .unrecognized: "NORMAL"
        case .high: "HIGH"
        case .emergency: "EMERGENCY"
        }
    }

    init(databaseName: String) {
        self = Self.known.first { $0.databaseName == databaseName } ?? .normal
    }
}
