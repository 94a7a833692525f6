import Foundation
import PostgresNIO

/// The SQL behind `TenantSettings`: one row per tenant, read by its staff and written
/// by its admins (row-level security), absent until first changed.
struct TenantSettingsStore: Sendable {
    let database: Database

    func settings(by principal: Principal) async throws -> TenantSettingsRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            try await Self.settings(of: tenantID, on: connection)
        }
    }

    func replace(with settings: TenantSettingsRow, by principal: Principal) async throws -> TenantSettingsRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            try await connection.execute(
                """
                INSERT INTO portico.tenant_settings (tenant_id, markup_basis_points, time_zone)
                VALUES (\(tenantID), \(settings.markupBasisPoints), \(settings.timeZone))
                ON CONFLICT (tenant_id) DO UPDATE SET markup_basis_points = excluded.markup_basis_points,
                    time_zone = excluded.time_zone, updated_at = now()
                """
            )
            return try await Self.settings(of: tenantID, on: connection)
        }
    }

    /// The tenant's settings, or the defaults; for staff contexts (a client's sees
    /// only the defaults).
    static func settings(of tenantID: UUID, on connection: DatabaseConnection) async throws -> TenantSettingsRow {
        let rows = try await connection.query(
            "SELECT time_zone, markup_basis_points FROM portico.tenant_settings WHERE tenant_id = \(tenantID)"
        )
        guard let row = rows.first else { return .defaults }
        let (timeZone, markup) = try row.decode((String, Int32).self)
        return TenantSettingsRow(timeZone: timeZone, markupBasisPoints: markup)
    }
}
