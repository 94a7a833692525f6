import Foundation
import PostgresNIO

/// The SQL behind `Locations`. Every statement runs in the caller's RLS context (admins
/// write any client's sites of the tenant, owners only their own company's; client
/// users read only their own company's) and names the tenant itself, so each is an
/// index lookup on a key that leads with `tenant_id`.
struct LocationStore: Sendable {
    let database: Database

    /// The select list of a `LocationRow`.
    static let locationColumns = """
        id, client_id, name, address_line1, address_line2, city, region, postal_code, country_code,
        access_notes, archived_at, created_at, updated_at, sort_name
        """

    /// Which sites a page lists.
    enum Scope: Sendable, Equatable {
        /// One client company's.
        case client(UUID)
        /// Every client's of the tenant (admins).
        case tenant
    }

    /// Adds a site to `clientID`; NOT_FOUND when the caller cannot see that client.
    func create(_ details: LocationDetails, clientID: UUID, by principal: Principal) async throws -> LocationRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            // Checked first so that a client of another tenant or company is NOT_FOUND,
            // which the foreign key alone would not say.
            guard try await ClientStore.name(of: clientID, on: connection) != nil else {
                throw PorticoError.notFound("client")
            }
            let address = details.address
            let rows = try await connection.query(
                """
                INSERT INTO portico.locations (
                    tenant_id, client_id, name, address_line1, address_line2, city, region,
                    postal_code, country_code, access_notes
                ) VALUES (
                    \(tenantID), \(clientID), \(details.name), \(address.line1), \(address.line2),
                    \(address.city), \(address.region), \(address.postalCode), \(address.countryCode),
                    \(details.accessNotes)
                )
                RETURNING \(unescaped: LocationStore.locationColumns)
                """
            )
            guard let row = rows.first else { throw PorticoError.internalError }
            return try LocationRow(row: row)
        }
    }

    /// Replaces every editable field and bumps `updated_at`. A site the caller cannot
    /// see (another tenant's, or for an owner another company's) is NOT_FOUND.
    func update(_ locationID: UUID, with details: LocationDetails, by principal: Principal) async throws -> LocationRow {
        let tenantID = try principal.requireTenantID()
        let address = details.address
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                UPDATE portico.locations SET
                    name = \(details.name), address_line1 = \(address.line1),
                    address_line2 = \(address.line2), city = \(address.city), region = \(address.region),
                    postal_code = \(address.postalCode), country_code = \(address.countryCode),
                    access_notes = \(details.accessNotes), updated_at = now()
                WHERE tenant_id = \(tenantID) AND id = \(locationID)
                RETURNING \(unescaped: LocationStore.locationColumns)
                """
            )
            guard let row = rows.first else { throw PorticoError.notFound("location") }
            return try LocationRow(row: row)
        }
    }

    /// Archives the site. An archived site keeps the time it was first archived, and
    /// archiving it again changes nothing.
    func archive(_ locationID: UUID, by principal: Principal) async throws -> LocationRow {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            let rows = try await connection.query(
                """
                UPDATE portico.locations SET
                    archived_at = coalesce(archived_at, now()),
                    updated_at = CASE WHEN archived_at IS NULL THEN now() ELSE updated_at END
                WHERE tenant_id = \(tenantID) AND id = \(locationID)
                RETURNING \(unescaped: LocationStore.locationColumns)
                """
            )
            guard let row = rows.first else { throw PorticoError.notFound("location") }
            return try LocationRow(row: row)
        }
    }

    /// A site the caller may see, for work at it: its client and whether it is
    /// archived; nil when the caller cannot see it (unknown, another tenant's, or for
    /// a client user another company's).
    static func site(_ locationID: UUID, on connection: DatabaseConnection) async throws -> (clientID: UUID, isArchived: Bool)? {
        let rows = try await connection.query(
            """
            SELECT client_id, archived_at IS NOT NULL FROM portico.locations
            WHERE tenant_id = portico.current_tenant_id() AND id = \(locationID)
            """
        )
        guard let row = rows.first else { return nil }
        let (clientID, isArchived) = try row.decode((UUID, Bool).self)
        return (clientID, isArchived)
    }

    /// One page of `ListLocations`: sites by name (ignoring case), then id, after the
    /// request's token; only those whose name contains `nameContains`, and archived
    /// ones only with `includeArchived`. A client the caller cannot see is NOT_FOUND.
    func list(
        _ scope: Scope, nameContains: String, includeArchived: Bool, _ request: PageRequest,
        by principal: Principal
    ) async throws -> KeysetPage<LocationRow> {
        let tenantID = try principal.requireTenantID()
        let after = try NameIDKey(token: request.after) ?? .beforeAll
        let filter = Self.Filter(pattern: LikePattern.containing(nameContains), includeArchived: includeArchived)
        return try await database.withContext(DatabaseContext(principal)) { connection in
            if case .client(let clientID) = scope, try await ClientStore.name(of: clientID, on: connection) == nil {
                throw PorticoError.notFound("client")
            }
            let query = Self.pageQuery(scope, tenantID: tenantID, filter: filter, after: after, limit: request.fetchLimit)
            let rows = try await connection.query(query)
            return KeysetPage(fetched: try rows.map(LocationRow.init(row:)), request: request) { $0.pageKey.tokenKeys }
        }
    }

    /// A list's conditions besides the scope and the keyset.
    struct Filter: Sendable {
        /// An ILIKE pattern (`LikePattern`).
        var pattern: String
        var includeArchived: Bool
    }

    /// The query of one page: one shape per scope, each an index range of
    /// `locations_name_key` or `locations_tenant_name_idx` from `after` on.
    static func pageQuery(
        _ scope: Scope, tenantID: UUID, filter: Filter, after: NameIDKey, limit: Int
    ) -> PostgresQuery {
        switch scope {
        case .client(let clientID):
            """
            SELECT \(unescaped: LocationStore.locationColumns) FROM portico.locations
            WHERE tenant_id = \(tenantID) AND client_id = \(clientID)
                AND (sort_name, id) > (\(after.name), \(after.id))
                AND (archived_at IS NULL OR \(filter.includeArchived))
                AND name ILIKE \(filter.pattern) ESCAPE '\\'
            ORDER BY sort_name, id
            LIMIT \(limit)
            """
        case .tenant:
            """
            SELECT \(unescaped: LocationStore.locationColumns) FROM portico.locations
            WHERE tenant_id = \(tenantID)
                AND (sort_name, id) > (\(after.name), \(after.id))
                AND (archived_at IS NULL OR \(filter.includeArchived))
                AND name ILIKE \(filter.pattern) ESCAPE '\\'
            ORDER BY sort_name, id
            LIMIT \(limit)
            """
        }
    }
}
