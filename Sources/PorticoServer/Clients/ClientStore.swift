import Foundation
import PostgresNIO

/// The SQL behind `Clients`. Every statement runs in the caller's RLS context (only an
/// ADMIN of the tenant may insert or update clients) and also names the tenant itself,
/// so each one is an index lookup on a key that leads with `tenant_id`.
struct ClientStore: Sendable {
    let database: Database

    /// The client columns of `c` (a clients row) and its users' summary `s`.
    static let clientColumns = """
        c.id, c.name, c.billing_email, c.phone, c.address_line1, c.address_line2, c.city,
        c.region, c.postal_code, c.country_code, c.notes, c.created_at, c.updated_at,
        c.sort_name, s.user_count, s.owner_is_invited
        """

    /// The client's portal users counted in the same statement (one index probe of
    /// `memberships_client_name_idx` per client, no query per row): all memberships of a
    /// client are its OWNER and MEMBERs. `owner_is_invited` is NULL without an owner,
    /// else whether the owner's login still has its temporary password.
    static let userSummary = """
        LEFT JOIN LATERAL (
            SELECT count(*)::int4 AS user_count,
                bool_or(u.password_is_temporary) FILTER (WHERE m.role = 'OWNER') AS owner_is_invited
            FROM portico.memberships m
            LEFT JOIN portico.auth_users u ON u.id = m.user_id
            WHERE m.tenant_id = c.tenant_id AND m.client_id = c.id
        ) s ON true
        """

    func create(_ details: ClientDetails, by principal: Principal) async throws -> ClientRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                WITH c AS (
                    INSERT INTO portico.clients (
                        tenant_id, name, billing_email, phone, address_line1, address_line2,
                        city, region, postal_code, country_code, notes
                    ) VALUES (
                        \(tenantID), \(details.name), \(details.billingEmail), \(details.phone),
                        \(details.address.line1), \(details.address.line2), \(details.address.city),
                        \(details.address.region), \(details.address.postalCode),
                        \(details.address.countryCode), \(details.notes)
                    )
                    RETURNING *
                )
                SELECT \(unescaped: ClientStore.clientColumns) FROM c \(unescaped: ClientStore.userSummary)
                """
            )
            guard let row = rows.first else { throw PorticoError.internalError }
            return try ClientRow(row: row)
        }
    }

    /// Replaces every editable field and bumps `updated_at`. A client of another tenant
    /// is simply not matched, so it is NOT_FOUND exactly like an unknown id.
    func update(_ clientID: UUID, with details: ClientDetails, by principal: Principal) async throws -> ClientRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                WITH c AS (
                    UPDATE portico.clients SET
                        name = \(details.name), billing_email = \(details.billingEmail),
                        phone = \(details.phone), address_line1 = \(details.address.line1),
                        address_line2 = \(details.address.line2), city = \(details.address.city),
                        region = \(details.address.region), postal_code = \(details.address.postalCode),
                        country_code = \(details.address.countryCode), notes = \(details.notes),
                        updated_at = now()
                    WHERE tenant_id = \(tenantID) AND id = \(clientID)
                    RETURNING *
                )
                SELECT \(unescaped: ClientStore.clientColumns) FROM c \(unescaped: ClientStore.userSummary)
                """
            )
            guard let row = rows.first else { throw PorticoError.notFound("client") }
            return try ClientRow(row: row)
        }
    }

    /// The client, read in `connection`'s transaction; NOT_FOUND when the tenant has no
    /// such client.
    static func client(_ clientID: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws -> ClientRow {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: ClientStore.clientColumns) FROM portico.clients c \(unescaped: ClientStore.userSummary)
            WHERE c.tenant_id = \(tenantID) AND c.id = \(clientID)
            """
        )
        guard let row = rows.first else { throw PorticoError.notFound("client") }
        return try ClientRow(row: row)
    }

    /// The name of a client of the current tenant that the caller may see, or nil.
    static func name(of clientID: UUID, on connection: DatabaseConnection) async throws -> String? {
        let rows = try await connection.query(
            """
            SELECT name FROM portico.clients
            WHERE tenant_id = portico.current_tenant_id() AND id = \(clientID)
            """
        )
        return try rows.first?.decode(String.self)
    }

    /// Locks the client's row until the transaction ends, for changes that must not
    /// interleave (replacing its NTE profile); false when the caller may not change
    /// the client (unknown, another tenant's, or a role that may not).
    static func lock(_ clientID: UUID, tenantID: UUID, on connection: DatabaseConnection) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT 1 FROM portico.clients WHERE tenant_id = \(tenantID) AND id = \(clientID)
            FOR NO KEY UPDATE
            """
        )
        return !rows.isEmpty
    }
}
