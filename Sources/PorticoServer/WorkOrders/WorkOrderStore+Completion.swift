import Foundation
import PorticoAPI
import PostgresNIO

/// Completion, the client's sign-off and reopen, and the auto-close (Schema/README.md,
/// "Work-order lifecycle"). COMPLETED stamps `close_due_at`, the end of the 3 business
/// days in the tenant's time zone; the reopen check and the auto-close job read it.
extension WorkOrderStore {
    /// ACTIVE → COMPLETED, with the sign-off window counted from the database's clock.
    static func completion(
        of row: WorkOrderRow, tenantID: UUID, note: String, on connection: DatabaseConnection
    ) async throws -> Change {
        let settings = try await TenantSettingsStore.settings(of: tenantID, on: connection)
        let window = SignOffWindow(timeZoneIdentifier: settings.timeZone) ?? SignOffWindow(timeZoneIdentifier: "UTC")!
        let now = try await Self.transactionTime(on: connection)
        let due = window.end(after: now)
        return Change(
            update: { tenantID, id in
                """
                UPDATE portico.work_orders SET status = 'COMPLETED', completed_at = \(now), close_due_at = \(due),
                    updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(id)
                """
            },
            newStatus: .completed, note: note
        )
    }

    /// SignOffCompletion: COMPLETED → CLOSED, signed by the caller.
    func signOff(_ id: UUID, note: String, by principal: Principal) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            guard row.status == .completed else { throw WorkOrderLifecycle.illegal(from: row.status, to: .closed) }
            let name = try await UserStore.name(of: principal, on: connection)
            return Change(
                update: { tenantID, id in
                    """
                    UPDATE portico.work_orders SET status = 'CLOSED', signed_off_at = now(),
                        signed_off_by_name = \(name), updated_at = now()
                    WHERE tenant_id = \(tenantID) AND id = \(id)
                    """
                },
                newStatus: .closed, note: note
            )
        }
    }

    /// ReopenWorkOrder: a COMPLETED work order, or one the client signed off, goes back
    /// to work while its window lasts: ACTIVE, or OPEN when nobody is assigned.
    func reopen(_ id: UUID, reason: String, by principal: Principal) async throws -> WorkOrderRow {
        try await change(id, by: principal) { row, connection in
            let target: Portico_V1_WorkOrderStatus = row.assignedTechID == nil ? .open : .active
            let signedClosed = row.status == .closed && row.signedOffAt != nil
            guard row.status == .completed || signedClosed, let due = row.closeDueAt else {
                throw WorkOrderLifecycle.illegal(from: row.status, to: target)
            }
            guard try await Self.transactionTime(on: connection) < due else {
                throw PorticoError(
                    .failedPrecondition,
                    "a work order can be reopened only within 3 business days of its completion; that window ended at \(Self.timestamp(due))"
                )
            }
            return Change(
                update: { tenantID, id in
                    """
                    UPDATE portico.work_orders SET status = \(target.name), completed_at = NULL, close_due_at = NULL,
                        signed_off_at = NULL, signed_off_by_name = NULL, updated_at = now()
                    WHERE tenant_id = \(tenantID) AND id = \(id)
                    """
                },
                newStatus: target, note: reason
            )
        }
    }

    /// The auto-close, one batch: closes up to `limit` COMPLETED work orders whose
    /// window has passed, across every tenant, and returns how many. Safe to run from
    /// every server instance at once (`portico.close_due_work_orders` skips locked rows).
    func closeDue(limit: Int) async throws -> Int {
        try await database.query("SELECT * FROM portico.close_due_work_orders(\(Int32(limit)))").count
    }

    /// The database's clock at the transaction's start (`now()`): the clock the
    /// auto-close job and the client guard compare `close_due_at` with.
    private static func transactionTime(on connection: DatabaseConnection) async throws -> Date {
        guard let now = try await connection.query("SELECT now()").first?.decode(Date.self) else {
            throw PorticoError.internalError
        }
        return now
    }

    /// "2026-12-09 16:00 UTC".
    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
