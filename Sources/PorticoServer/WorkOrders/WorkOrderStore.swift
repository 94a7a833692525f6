import Foundation
import PorticoAPI
import PostgresNIO

/// The SQL behind `WorkOrders`, in the caller's RLS context: admins reach every work
/// order of the tenant, a technician those assigned to them, client users their
/// company's (and they only insert requests). A change of status locks the work
/// order's row first, checks the lifecycle against what it holds, and records the
/// change in the work order's history in the same transaction.
struct WorkOrderStore: Sendable {
    let database: Database

    /// The columns of `w` (a work order), `c` (its client) and `l` (its location).
    static let workOrderColumns = """
        w.id, w.number, w.client_id, c.name AS client_name, w.location_id, l.name AS location_name,
        w.title, w.description, w.trade, w.priority, w.status, w.assigned_tech_membership_id,
        w.assigned_tech_name, w.scheduled_at, w.nte_cap_minor, w.currency_code, w.requested_by_name,
        w.created_at, w.updated_at, w.quote_needed, w.resume_status, w.completed_at, w.close_due_at,
        w.signed_off_at, w.signed_off_by_name
        """

    /// Work orders `w` with their clients `c` and locations `l`.
    static let workOrderSource = """
        portico.work_orders w
        JOIN portico.clients c ON c.tenant_id = w.tenant_id AND c.id = w.client_id
        JOIN portico.locations l ON l.tenant_id = w.tenant_id AND l.id = w.location_id
        """

    /// The first number a tenant's work orders get: "WO-1001".
    static let firstNumber: Int64 = 1001

    /// A new work order (CreateWorkOrder, OPEN) or request (SubmitRequest, REQUESTED).
    struct NewWorkOrder: Sendable {
        var locationID: UUID
        var details: WorkOrderDetails
        var status: Portico_V1_WorkOrderStatus
        /// A cap agreed for this work order only; without it an OPEN work order takes
        /// its client's profile's, a request none until it is accepted.
        var agreedCap: MoneyAmount?
        var technicianID: UUID?
        var scheduledAt: Date?
    }

    /// Inserts the work order with the tenant's next number, and its creation in its
    /// history. The site must be one the caller sees (else NOT_FOUND) and not archived.
    func create(_ new: NewWorkOrder, by principal: Principal) async throws -> WorkOrderRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            guard let site = try await LocationStore.site(new.locationID, on: connection) else {
                throw PorticoError.notFound("location")
            }
            if site.isArchived {
                throw PorticoError(.failedPrecondition, "location_id: the location is archived and takes no new work")
            }
            var cap = new.agreedCap
            if cap == nil, new.status == .open {
                cap = try await NteProfileStore.applicableCap(
                    clientID: site.clientID, locationID: new.locationID, trade: new.details.trade, on: connection
                )
            }
            let technician = try await Self.technician(new.technicianID, on: connection)
            let byName = try await UserStore.name(of: principal, on: connection)
            let number = try await Self.nextNumber(tenantID: tenantID, on: connection)
            let details = new.details
            let rows = try await connection.query(
                """
                INSERT INTO portico.work_orders (
                    tenant_id, number, client_id, location_id, title, description, trade, priority,
                    status, assigned_tech_membership_id, assigned_tech_user_id, assigned_tech_name,
                    scheduled_at, nte_cap_minor, currency_code, requested_by_user_id, requested_by_name
                ) VALUES (
                    \(tenantID), \(number), \(site.clientID), \(new.locationID), \(details.title),
                    \(details.description), \(details.trade.databaseName), \(details.priority.databaseName),
                    \(new.status.name), \(technician?.membershipID), \(technician?.userID),
                    \(technician?.name ?? ""), \(new.scheduledAt), \(cap?.minor), \(cap?.currencyCode),
                    \(principal.userID), \(byName)
                )
                RETURNING id
                """
            )
            guard let id = try rows.first?.decode(UUID.self) else { throw PorticoError.internalError }
            try await Self.record(
                id, tenantID: tenantID, from: nil, to: new.status, note: "", byName: byName, by: principal, on: connection
            )
            return try await Self.workOrder(id, tenantID: tenantID, on: connection)
        }
    }

    /// The work order, its history and its NTE increases (row-level security shows
    /// those to admins and the owner only), oldest first; NOT_FOUND when the caller may not
    /// see it.
    func detail(_ id: UUID, by principal: Principal) async throws -> WorkOrderDetail {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let workOrder = try await Self.workOrder(id, tenantID: tenantID, on: connection)
            let rows = try await connection.query(
                """
                SELECT at, by_name, from_status, to_status, note FROM portico.work_order_events
                WHERE tenant_id = \(tenantID) AND work_order_id = \(id)
                ORDER BY at, id
                """
            )
            return WorkOrderDetail(
                workOrder: workOrder, history: try rows.map(WorkOrderEventRow.init(row:)),
                increases: try await Self.increases(of: id, tenantID: tenantID, on: connection)
            )
        }
    }

    /// Runs `change` on the work order, locked for the transaction: it gets the row as
    /// it is and returns the SQL that changes it, or throws. NOT_FOUND when the caller
    /// may not change the work order.
    func change(
        _ id: UUID, by principal: Principal,
        _ change: @Sendable (WorkOrderRow, DatabaseConnection) async throws -> Change
    ) async throws -> WorkOrderRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let row = try await Self.locked(id, tenantID: tenantID, on: connection)
            try await Self.apply(try await change(row, connection), to: row, by: principal, on: connection)
            return try await Self.workOrder(id, tenantID: tenantID, on: connection)
        }
    }

    /// The work order, locked until the transaction ends; NOT_FOUND when the caller may
    /// not change it.
    static func locked(_ id: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws -> WorkOrderRow {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: WorkOrderStore.workOrderColumns) FROM \(unescaped: WorkOrderStore.workOrderSource)
            WHERE w.tenant_id = \(tenantID) AND w.id = \(id)
            FOR NO KEY UPDATE OF w
            """
        )
        guard let row = try rows.first.map(WorkOrderRow.init(row:)) else { throw PorticoError.notFound("work order") }
        return row
    }

    /// Runs the change's UPDATE on the locked `row` and records a move of status in
    /// the history.
    static func apply(
        _ planned: Change, to row: WorkOrderRow, by principal: Principal, on connection: DatabaseConnection
    ) async throws {
        let tenantID = try principal.requireTenantID()
        try await connection.execute(planned.update(tenantID, row.id))
        if let status = planned.newStatus {
            let byName = try await UserStore.name(of: principal, on: connection)
            try await record(
                row.id, tenantID: tenantID, from: row.status, to: status, note: planned.note, byName: byName,
                by: principal, on: connection
            )
        }
    }

    /// What a change does: the UPDATE (given the tenant and the work order's id) and,
    /// when the status moves, the new status and the history's note.
    struct Change: Sendable {
        var update: @Sendable (_ tenantID: UUID, _ id: UUID) -> PostgresQuery
        var newStatus: Portico_V1_WorkOrderStatus?
        var note: String = ""
    }

    /// The work order with its client's and location's names; NOT_FOUND when the
    /// caller may not see it.
    static func workOrder(_ id: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws -> WorkOrderRow {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: WorkOrderStore.workOrderColumns) FROM \(unescaped: WorkOrderStore.workOrderSource)
            WHERE w.tenant_id = \(tenantID) AND w.id = \(id)
            """
        )
        guard let row = rows.first else { throw PorticoError.notFound("work order") }
        return try WorkOrderRow(row: row)
    }

    /// A technician of the tenant to assign (a TECH membership), with the name the
    /// work order keeps; nil for none. NOT_FOUND naming the field for anyone else.
    static func technician(
        _ membershipID: UUID?, on connection: DatabaseConnection
    ) async throws -> (membershipID: UUID, userID: UUID, name: String)? {
        guard let membershipID else { return nil }
        guard let user = try await UserStore.user(membershipID: membershipID, on: connection), user.role == .tech else {
            throw PorticoError(.notFound, "assigned_tech_id: technician not found")
        }
        return (user.membershipID, user.userID, user.name)
    }

    /// The tenant's next work-order number. The counter's row stays locked until the
    /// transaction ends, so numbers are given one at a time, and a rolled-back work
    /// order gives its number back.
    private static func nextNumber(tenantID: UUID, on connection: DatabaseConnection) async throws -> Int64 {
        let rows = try await connection.query(
            """
            INSERT INTO portico.work_order_counters AS k (tenant_id, last_number)
            VALUES (\(tenantID), \(firstNumber))
            ON CONFLICT (tenant_id) DO UPDATE SET last_number = k.last_number + 1
            RETURNING last_number
            """
        )
        guard let number = try rows.first?.decode(Int64.self) else { throw PorticoError.internalError }
        return number
    }

    private static func record(
        _ id: UUID, tenantID: UUID, from: Portico_V1_WorkOrderStatus?, to: Portico_V1_WorkOrderStatus,
        note: String, byName: String, by principal: Principal, on connection: DatabaseConnection
    ) async throws {
        try await connection.execute(
            """
            INSERT INTO portico.work_order_events (tenant_id, work_order_id, by_user_id, by_name, from_status, to_status, note)
            VALUES (\(tenantID), \(id), \(principal.userID), \(byName), \(from?.name), \(to.name), \(note))
            """
        )
    }
}
