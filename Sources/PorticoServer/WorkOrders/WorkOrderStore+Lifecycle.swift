import Foundation
import PorticoAPI
import PostgresNIO

extension WorkOrderStore {
    /// AcceptRequest: REQUESTED → OPEN, and the work order takes its cap from the
    /// client's NTE profile as it is now (rule 12).
    func accept(_ id: UUID, note: String, by principal: Principal) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            guard row.status == .requested else { throw WorkOrderLifecycle.illegal(from: row.status, to: .open) }
            let cap = try await NteProfileStore.applicableCap(
                clientID: row.clientID, locationID: row.locationID, trade: row.details.trade, on: connection
            )
            return Change(
                update: { tenantID, id in
                    """
                    UPDATE portico.work_orders SET status = 'OPEN', nte_cap_minor = \(cap?.minor),
                        currency_code = \(cap?.currencyCode), updated_at = now()
                    WHERE tenant_id = \(tenantID) AND id = \(id)
                    """
                },
                newStatus: .open, note: note
            )
        }
    }

    /// CancelWorkOrder: from any status before COMPLETED; an NTE increase still
    /// waiting is withdrawn with it.
    func cancel(_ id: UUID, note: String, by principal: Principal) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            guard WorkOrderLifecycle.unfinished.contains(row.status) else {
                throw WorkOrderLifecycle.illegal(from: row.status, to: .cancelled)
            }
            if row.status == .pendingAuthorization {
                try await Self.withdrawIncrease(of: row.id, by: principal, on: connection)
            }
            return Self.statusChange(to: .cancelled, note: note)
        }
    }

    /// UpdateStatus: the moves `WorkOrderLifecycle.statusMove` allows for the caller.
    func setStatus(
        _ id: UUID, to status: Portico_V1_WorkOrderStatus, note: String, by principal: Principal
    ) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            try WorkOrderLifecycle.statusMove(
                from: row.status, to: status, by: principal.role, hasTechnician: row.assignedTechID != nil
            )
            guard status == .completed else { return Self.statusChange(to: status, note: note) }
            return try await Self.completion(
                of: row, tenantID: try principal.requireTenantID(), note: note, on: connection
            )
        }
    }

    /// UpdateWorkOrder: the descriptive fields, the technician and the schedule of a
    /// work order that is not finished.
    func update(
        _ id: UUID, details: WorkOrderDetails, technicianID: UUID?, scheduledAt: Date?, by principal: Principal
    ) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            guard WorkOrderLifecycle.unfinished.contains(row.status) else {
                throw PorticoError(.failedPrecondition, "a \(row.status.name) work order can no longer be edited")
            }
            let technician = try await Self.technician(technicianID, on: connection)
            return Change(
                update: { tenantID, id in
                    """
                    UPDATE portico.work_orders SET title = \(details.title), description = \(details.description),
                        trade = \(details.trade.databaseName), priority = \(details.priority.databaseName),
                        assigned_tech_membership_id = \(technician?.membershipID),
                        assigned_tech_user_id = \(technician?.userID), assigned_tech_name = \(technician?.name ?? ""),
                        scheduled_at = \(scheduledAt), updated_at = now()
                    WHERE tenant_id = \(tenantID) AND id = \(id)
                    """
                },
                newStatus: nil
            )
        }
    }

    /// A change of status alone (it leaves PENDING_AUTHORIZATION only by a cancel, and
    /// then has nothing to resume).
    static func statusChange(to status: Portico_V1_WorkOrderStatus, note: String) -> Change {
        Change(
            update: { tenantID, id in
                """
                UPDATE portico.work_orders SET status = \(status.name), resume_status = NULL, updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(id)
                """
            },
            newStatus: status, note: note
        )
    }
}
