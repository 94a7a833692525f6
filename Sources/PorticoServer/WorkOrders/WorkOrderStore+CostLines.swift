import Foundation
import PostgresNIO

extension WorkOrderStore {
    /// The select list of a `CostLineRow`.
    static let costLineColumns = """
        id, work_order_id, seq, kind, description, quantity_milli, unit_cost_minor, currency_code,
        markup_basis_points, cost_minor, billable_minor, added_by_name, created_at
        """

    /// A new labour or parts line, validated.
    struct NewCostLine: Sendable {
        var kind: CostLineRow.Kind
        var description: String
        var quantityMilli: Int64
        var unitCost: MoneyAmount
    }

    /// AddCostLine. The database does the guarding (`portico.cost_line_guard`): it admits
    /// the tenant's admins and the work order's assigned technician (NOT_FOUND for a work
    /// order they may not reach), locks the work order's row, stamps the tenant's markup
    /// and refuses a line that would take the billable total over the cap
    /// (FAILED_PRECONDITION, by how much).
    func addCostLine(_ line: NewCostLine, to workOrderID: UUID, by principal: Principal) async throws -> CostLineRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let name = try await UserStore.name(of: principal, on: connection)
            let rows = try await connection.query(
                """
                INSERT INTO portico.work_order_cost_lines (
                    tenant_id, work_order_id, kind, description, quantity_milli, unit_cost_minor,
                    currency_code, markup_basis_points, added_by_user_id, added_by_name
                ) VALUES (
                    \(tenantID), \(workOrderID), \(line.kind.rawValue), \(line.description), \(line.quantityMilli),
                    \(line.unitCost.minor), \(line.unitCost.currencyCode), 0, \(principal.userID), \(name)
                )
                RETURNING \(unescaped: Self.costLineColumns)
                """
            )
            guard let row = rows.first else { throw PorticoError.internalError }
            return try CostLineRow(row: row)
        }
    }

    /// ListCostLines: one page, oldest first, with the totals over every line and the
    /// work order's cap.
    func costLines(of workOrderID: UUID, _ request: PageRequest, by principal: Principal) async throws -> CostLinePage {
        let tenantID = try principal.requireTenantID()
        let after = try Self.pageNumber(request.after) ?? 0
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let workOrder = try await Self.workOrder(workOrderID, tenantID: tenantID, on: connection)
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.costLineColumns) FROM portico.work_order_cost_lines
                WHERE tenant_id = \(tenantID) AND work_order_id = \(workOrderID) AND seq > \(after)
                ORDER BY seq
                LIMIT \(request.fetchLimit)
                """
            )
            let totals = try await Self.lineTotals(of: workOrderID, tenantID: tenantID, on: connection)
            return CostLinePage(
                lines: KeysetPage(fetched: try rows.map(CostLineRow.init(row:)), request: request) { [String($0.seq)] },
                costTotal: totals?.cost, billableTotal: totals?.billable, nteCap: workOrder.nteCap
            )
        }
    }

    /// What the work order's cost lines cost and bill together (one currency per work
    /// order); nil without lines.
    static func lineTotals(
        of id: UUID, tenantID: UUID, on connection: DatabaseConnection
    ) async throws -> (cost: MoneyAmount, billable: MoneyAmount)? {
        let rows = try await connection.query(
            """
            SELECT sum(cost_minor)::bigint, sum(billable_minor)::bigint, min(currency_code)
            FROM portico.work_order_cost_lines
            WHERE tenant_id = \(tenantID) AND work_order_id = \(id)
            """
        )
        guard let row = rows.first,
              case let (cost?, billable?, currency?) = try row.decode((Int64?, Int64?, String?).self)
        else { return nil }
        return (MoneyAmount(minor: cost, currencyCode: currency), MoneyAmount(minor: billable, currencyCode: currency))
    }
}
