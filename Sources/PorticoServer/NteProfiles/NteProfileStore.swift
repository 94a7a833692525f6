import Foundation
import PorticoAPI
import PostgresNIO

/// The SQL behind `NteProfiles`, in the caller's RLS context: admins read and write
/// every client's caps, an owner reads their own company's, nobody else sees any.
struct NteProfileStore: Sendable {
    let database: Database

    /// The select list of an `NteProfileRow` (a profile `p` and its client `c`).
    static let profileColumns = """
        p.client_id, c.name, c.sort_name, p.currency_code, p.default_cap_minor, p.updated_at
        """

    /// Which profiles a page lists.
    enum Scope: Sendable, Equatable {
        case client(UUID)
        case tenant
    }

    /// Replaces the client's whole profile in one transaction (a profile without caps
    /// removes it) and returns it as stored; nil when it was removed. The client and
    /// every location must be the tenant's and the location the client's: NOT_FOUND
    /// otherwise, naming the field.
    func set(_ profile: NteProfileDetails, by principal: Principal) async throws -> NteProfileRow? {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            // Two replacements of one client's profile take turns on the client's row.
            guard try await ClientStore.lock(profile.clientID, tenantID: tenantID, on: connection) else {
                throw PorticoError.notFound("client")
            }
            try await Self.checkLocations(profile, tenantID: tenantID, on: connection)
            try await connection.execute(
                """
                DELETE FROM portico.nte_caps WHERE tenant_id = \(tenantID) AND client_id = \(profile.clientID)
                """
            )
            guard let currency = profile.currencyCode else {
                try await connection.execute(
                    "DELETE FROM portico.nte_profiles WHERE tenant_id = \(tenantID) AND client_id = \(profile.clientID)"
                )
                return nil
            }
            try await connection.execute(
                """
                INSERT INTO portico.nte_profiles AS p (tenant_id, client_id, currency_code, default_cap_minor, updated_by_user_id)
                VALUES (\(tenantID), \(profile.clientID), \(currency), \(profile.defaultCapMinor), \(principal.userID))
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET
                    currency_code = excluded.currency_code, default_cap_minor = excluded.default_cap_minor,
                    updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
                """
            )
            try await Self.insertCaps(profile, tenantID: tenantID, on: connection)
            guard let row = try await Self.profiles(tenantID: tenantID, clientIDs: [profile.clientID], on: connection).first else {
                throw PorticoError.internalError
            }
            return row
        }
    }

    /// One page of `ListNteProfiles`, by client name after the request's token. A
    /// client the caller cannot see is NOT_FOUND; a client without a profile is left
    /// out.
    func list(_ scope: Scope, _ request: PageRequest, by principal: Principal) async throws -> KeysetPage<NteProfileRow> {
        let tenantID = try principal.requireTenantID()
        let afterName = request.after?.keys[0] ?? ""
        return try await database.withContext(DatabaseContext(principal)) { connection in
            var clientFilter: UUID?
            if case .client(let clientID) = scope {
                guard try await ClientStore.name(of: clientID, on: connection) != nil else {
                    throw PorticoError.notFound("client")
                }
                clientFilter = clientID
            }
            let rows = try await connection.query(
                """
                SELECT c.id FROM portico.nte_profiles p
                JOIN portico.clients c ON c.tenant_id = p.tenant_id AND c.id = p.client_id
                WHERE p.tenant_id = \(tenantID) AND c.sort_name > \(afterName)
                    AND (\(clientFilter)::uuid IS NULL OR p.client_id = \(clientFilter))
                ORDER BY c.sort_name
                LIMIT \(request.fetchLimit)
                """
            )
            let clientIDs = try rows.map { try $0.decode(UUID.self) }
            let profiles = try await Self.profiles(tenantID: tenantID, clientIDs: clientIDs, on: connection)
            return KeysetPage(fetched: profiles, request: request) { [$0.clientSortName] }
        }
    }

    /// The cap a new work order of `trade` at `locationID` takes from its client's
    /// profile: the location's cap for the trade, else the trade's, else the default;
    /// nil when none applies (or the client has no profile).
    static func applicableCap(
        clientID: UUID, locationID: UUID, trade: Portico_V1_Trade, on connection: DatabaseConnection
    ) async throws -> MoneyAmount? {
        let rows = try await connection.query(
            """
            SELECT coalesce(
                    (SELECT cap_minor FROM portico.nte_caps k
                     WHERE k.tenant_id = p.tenant_id AND k.client_id = p.client_id
                         AND k.location_id = \(locationID) AND k.trade = \(trade.databaseName)),
                    (SELECT cap_minor FROM portico.nte_caps k
                     WHERE k.tenant_id = p.tenant_id AND k.client_id = p.client_id
                         AND k.location_id IS NULL AND k.trade = \(trade.databaseName)),
                    p.default_cap_minor
                ), p.currency_code
            FROM portico.nte_profiles p
            WHERE p.tenant_id = portico.current_tenant_id() AND p.client_id = \(clientID)
            """
        )
        guard let row = rows.first else { return nil }
        let (minor, currency) = try row.decode((Int64?, String).self)
        return minor.map { MoneyAmount(minor: $0, currencyCode: currency) }
    }

    /// The profiles of these clients, in the order given, with their caps: two
    /// statements, whatever the count.
    private static func profiles(
        tenantID: UUID, clientIDs: [UUID], on connection: DatabaseConnection
    ) async throws -> [NteProfileRow] {
        if clientIDs.isEmpty { return [] }
        let profileRows = try await connection.query(
            """
            SELECT \(unescaped: NteProfileStore.profileColumns) FROM portico.nte_profiles p
            JOIN portico.clients c ON c.tenant_id = p.tenant_id AND c.id = p.client_id
            WHERE p.tenant_id = \(tenantID) AND p.client_id = ANY(\(clientIDs))
            """
        )
        var byClient: [UUID: NteProfileRow] = [:]
        for row in profileRows {
            let profile = try NteProfileRow(row: row)
            byClient[profile.clientID] = profile
        }
        let capRows = try await connection.query(
            """
            SELECT client_id, location_id, trade, cap_minor FROM portico.nte_caps
            WHERE tenant_id = \(tenantID) AND client_id = ANY(\(clientIDs))
            """
        )
        for row in capRows {
            let clientID = try row.makeRandomAccess()[0].decode(UUID.self)
            try byClient[clientID]?.add(cap: row)
        }
        return clientIDs.compactMap { id in
            guard var profile = byClient[id] else { return nil }
            profile.sortCaps()
            return profile
        }
    }

    /// Every location of the profile must be one of the client's (an archived site may
    /// keep its caps): NOT_FOUND naming the first that is not.
    private static func checkLocations(
        _ profile: NteProfileDetails, tenantID: UUID, on connection: DatabaseConnection
    ) async throws {
        let requested = Array(Set(profile.locationCaps.map(\.locationID)))
        if requested.isEmpty { return }
        let rows = try await connection.query(
            """
            SELECT id FROM portico.locations
            WHERE tenant_id = \(tenantID) AND client_id = \(profile.clientID) AND id = ANY(\(requested))
            """
        )
        let known = Set(try rows.map { try $0.decode(UUID.self) })
        if let index = profile.locationCaps.firstIndex(where: { !known.contains($0.locationID) }) {
            throw PorticoError(.notFound, "location_caps[\(index)].location_id: location not found")
        }
    }

    private static func insertCaps(
        _ profile: NteProfileDetails, tenantID: UUID, on connection: DatabaseConnection
    ) async throws {
        let trades = profile.tradeCaps.compactMap(\.trade.databaseName)
        let caps = profile.tradeCaps.map(\.capMinor)
        try await connection.execute(
            """
            INSERT INTO portico.nte_caps (tenant_id, client_id, location_id, trade, cap_minor)
            SELECT \(tenantID), \(profile.clientID), NULL, t.trade, t.cap
            FROM unnest(\(trades)::text[], \(caps)::int8[]) AS t(trade, cap)
            """
        )
        let locations = profile.locationCaps.map(\.locationID)
        let locationTrades = profile.locationCaps.compactMap(\.trade.databaseName)
        let locationCaps = profile.locationCaps.map(\.capMinor)
        try await connection.execute(
            """
            INSERT INTO portico.nte_caps (tenant_id, client_id, location_id, trade, cap_minor)
            SELECT \(tenantID), \(profile.clientID), t.location, t.trade, t.cap
            FROM unnest(\(locations)::uuid[], \(locationTrades)::text[], \(locationCaps)::int8[])
                AS t(location, trade, cap)
            """
        )
    }
}
