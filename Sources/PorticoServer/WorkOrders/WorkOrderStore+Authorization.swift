import Foundation
import PorticoAPI
import PostgresNIO

/// NTE increases (quotes) and the quote-needed flag (Schema/README.md rule 12). The
/// history notes say only what happened, never an amount: members read the history
/// and never see money (rule 7).
extension WorkOrderStore {
    static let nteIncreaseColumns = """
        id, work_order_id, previous_cap_minor, requested_cap_minor, currency_code, reason, status,
        requested_by_name, requested_at, decided_by_name, decided_at, decision_note
        """

    /// Statuses an increase can be requested in: work that is going on or about to.
    static let quotableStatuses: Set<Portico_V1_WorkOrderStatus> = [.open, .active, .onHold]

    /// FlagQuoteNeeded: the work will not fit under the cap. The note goes to the thread,
    /// so the office (and the client, who will be asked) can read why.
    func flagQuoteNeeded(_ id: UUID, note: String, by principal: Principal) async throws -> WorkOrderRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let row = try await Self.locked(id, tenantID: tenantID, on: connection)
            guard WorkOrderLifecycle.unfinished.contains(row.status) else {
                throw PorticoError(.failedPrecondition, "a \(row.status.name) work order needs no quote")
            }
            try await connection.execute(
                """
                UPDATE portico.work_orders SET quote_needed = true, updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(id)
                """
            )
            try await Self.insertComment("Quote needed: " + note, to: id, by: principal, on: connection)
            return try await Self.workOrder(id, tenantID: tenantID, on: connection)
        }
    }

    /// RequestNteIncrease: files the quote and puts the work order in
    /// PENDING_AUTHORIZATION, remembering where it returns to.
    func requestIncrease(
        _ id: UUID, to cap: MoneyAmount, reason: String, by principal: Principal
    ) async throws -> (WorkOrderRow, NteIncreaseRow) {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let row = try await Self.locked(id, tenantID: tenantID, on: connection)
            guard Self.quotableStatuses.contains(row.status) else {
                throw WorkOrderLifecycle.illegal(from: row.status, to: .pendingAuthorization)
            }
            // The new cap must be in the work order's currency (its cap's, else its
            // lines'), above the cap and above what the lines already bill.
            let billed = try await Self.lineTotals(of: id, tenantID: tenantID, on: connection)?.billable
            if let currency = row.nteCap?.currencyCode ?? billed?.currencyCode, cap.currencyCode != currency {
                throw PorticoError.invalidField("requested_cap.currency_code", "the work order is in \(currency)")
            }
            if let current = row.nteCap, cap.minor <= current.minor {
                throw PorticoError.invalidField("requested_cap.amount_minor", "must be more than the work order's cap now")
            }
            if let billed, cap.minor < billed.minor {
                throw PorticoError.invalidField("requested_cap.amount_minor", "must be at least what the cost lines bill already")
            }
            let name = try await UserStore.name(of: principal, on: connection)
            let rows = try await connection.query(
                """
                INSERT INTO portico.nte_increases (
                    tenant_id, work_order_id, client_id, previous_cap_minor, requested_cap_minor, currency_code,
                    reason, requested_by_user_id, requested_by_name
                ) VALUES (
                    \(tenantID), \(id), \(row.clientID), \(row.nteCap?.minor), \(cap.minor), \(cap.currencyCode),
                    \(reason), \(principal.userID), \(name)
                )
                RETURNING \(unescaped: Self.nteIncreaseColumns)
                """
            )
            guard let increase = try rows.first.map(NteIncreaseRow.init(row:)) else { throw PorticoError.internalError }
            let resume = row.status
            try await Self.apply(
                Change(
                    update: { tenantID, id in
                        """
                        UPDATE portico.work_orders SET status = 'PENDING_AUTHORIZATION', resume_status = \(resume.name),
                            quote_needed = false, updated_at = now()
                        WHERE tenant_id = \(tenantID) AND id = \(id)
                        """
                    },
                    newStatus: .pendingAuthorization, note: "NTE increase requested"
                ),
                to: row, by: principal, on: connection
            )
            return (try await Self.workOrder(id, tenantID: tenantID, on: connection), increase)
        }
    }

    /// DecideNteIncrease: the owner approves (the cap becomes the requested one) or
    /// rejects the waiting increase; the work order returns to its status before (OPEN
    /// instead of ACTIVE if nobody is assigned any more). The work order changes first,
    /// while the increase still waits: the database's client guard checks the new cap
    /// against it.
    func decideIncrease(
        _ id: UUID, approve: Bool, note: String, by principal: Principal
    ) async throws -> (WorkOrderRow, NteIncreaseRow) {
        let tenantID = try principal.requireTenantID()
        let noneWaiting = PorticoError(.failedPrecondition, "the work order has no NTE increase waiting for a decision")
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let row = try await Self.locked(id, tenantID: tenantID, on: connection)
            guard row.status == .pendingAuthorization, let resume = row.resumeStatus else { throw noneWaiting }
            let pending = try await connection.query(
                """
                SELECT \(unescaped: Self.nteIncreaseColumns) FROM portico.nte_increases
                WHERE tenant_id = \(tenantID) AND work_order_id = \(id) AND status = 'PENDING'
                FOR UPDATE
                """
            )
            guard let waiting = try pending.first.map(NteIncreaseRow.init(row:)) else { throw noneWaiting }
            let cap = approve ? waiting.requestedCap : row.nteCap
            let target: Portico_V1_WorkOrderStatus = resume == .active && row.assignedTechID == nil ? .open : resume
            try await Self.apply(
                Change(
                    update: { tenantID, id in
                        """
                        UPDATE portico.work_orders SET status = \(target.name), resume_status = NULL,
                            nte_cap_minor = \(cap?.minor), currency_code = \(cap?.currencyCode), updated_at = now()
                        WHERE tenant_id = \(tenantID) AND id = \(id)
                        """
                    },
                    newStatus: target, note: approve ? "NTE increase approved" : "NTE increase rejected"
                ),
                to: row, by: principal, on: connection
            )
            let name = try await UserStore.name(of: principal, on: connection)
            let decided = try await connection.query(
                """
                UPDATE portico.nte_increases SET status = \(approve ? "APPROVED" : "REJECTED"),
                    decided_by_user_id = \(principal.userID), decided_by_name = \(name), decided_at = now(),
                    decision_note = \(note)
                WHERE tenant_id = \(tenantID) AND id = \(waiting.id)
                RETURNING \(unescaped: Self.nteIncreaseColumns)
                """
            )
            guard let increase = try decided.first.map(NteIncreaseRow.init(row:)) else { throw PorticoError.internalError }
            return (try await Self.workOrder(id, tenantID: tenantID, on: connection), increase)
        }
    }

    /// Withdraws the work order's waiting increase (its work order is being cancelled).
    static func withdrawIncrease(of id: UUID, by principal: Principal, on connection: DatabaseConnection) async throws {
        let tenantID = try principal.requireTenantID()
        let name = try await UserStore.name(of: principal, on: connection)
        try await connection.execute(
            """
            UPDATE portico.nte_increases SET status = 'WITHDRAWN', decided_by_user_id = \(principal.userID),
                decided_by_name = \(name), decided_at = now()
            WHERE tenant_id = \(tenantID) AND work_order_id = \(id) AND status = 'PENDING'
            """
        )
    }

    /// The work order's increases, oldest first; empty for callers RLS shows none.
    static func increases(of id: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws -> [NteIncreaseRow] {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: nteIncreaseColumns) FROM portico.nte_increases
            WHERE tenant_id = \(tenantID) AND work_order_id = \(id)
            ORDER BY requested_at, id
            """
        )
        return try rows.map(NteIncreaseRow.init(row:))
    }
}
