public import Foundation
public import PorticoAPI
import PostgresNIO

/// Reads a tenant's users (memberships with their logins) as `Portico_V1_User`, inside
/// the caller's transaction and RLS context.
///
/// Every query is scoped to `portico.current_tenant_id()`; row-level security further
/// limits owners to their own company, and makes other tenants' rows absent (never an
/// error). Lists are ordered by name ignoring case (`sort_name`), then membership id:
/// the keyset of the page token, and of the indexes `memberships_staff_name_idx` and
/// `memberships_client_name_idx` (migration 0003).
public struct UserDirectory: Sendable {
    let connection: DatabaseConnection

    public init(_ connection: DatabaseConnection) {
        self.connection = connection
    }

    /// A client company's users (its OWNER and MEMBERs), by name: all of them, for the
    /// client's detail panel.
    public func users(ofClient clientID: UUID) async throws -> [Portico_V1_User] {
        try await page(of: .client(clientID), after: nil, limit: Int(Int32.max)).map(\.user)
    }

    /// One membership of the current tenant, or nil when it does not exist or the
    /// caller may not see it.
    public func user(membershipID: UUID) async throws -> Portico_V1_User? {
        try await row(membershipID: membershipID)?.user
    }

    /// One membership with its role and client as stored, for the handlers that must
    /// decide whether the caller may manage it.
    func row(membershipID: UUID) async throws -> UserRow? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: UserRow.columns) FROM \(unescaped: UserRow.source)
            WHERE m.tenant_id = portico.current_tenant_id() AND m.id = \(membershipID)
            """
        )
        return try rows.first.map(UserRow.init(row:))
    }

    /// Which users a page lists.
    public enum Scope: Sendable, Equatable {
        /// One client company's OWNER and MEMBERs.
        case client(UUID)
        /// The tenant's ADMIN and TECH users.
        case staff
    }

    /// One keyset page: up to `limit` users of `scope` strictly after `after` (the
    /// previous page's last `UserRow.pageKey`).
    func page(of scope: Scope, after: UserPageKey?, limit: Int) async throws -> [UserRow] {
        let rows = try await connection.query(Self.pageQuery(of: scope, after: after ?? .beforeAll, limit: limit))
        return try rows.map(UserRow.init(row:))
    }

    /// The query of one page. One shape per scope, each an index range from `after` on:
    /// the staff (ADMIN and TECH, the memberships without a client) and one client's
    /// users have an index each. The page is cut from the memberships before the logins
    /// are joined: PostgreSQL estimates that few rows pass memberships' policy, and
    /// with the join in the same query level it would join and sort the whole range
    /// instead of reading the index in order up to the LIMIT. Every membership the
    /// caller sees has a login the caller sees (admins see their tenant's, owners their
    /// company's), so the join keeps every row of the page.
    static func pageQuery(of scope: Scope, after: UserPageKey, limit: Int) -> PostgresQuery {
        switch scope {
        case .staff:
            """
            SELECT \(unescaped: UserRow.columns) FROM (
                SELECT * FROM portico.memberships
                WHERE tenant_id = portico.current_tenant_id() AND client_id IS NULL
                    AND (sort_name, id) > (\(after.name), \(after.membershipID))
                ORDER BY sort_name, id
                LIMIT \(limit)
            ) m \(unescaped: UserRow.login)
            ORDER BY m.sort_name, m.id
            """
        case .client(let clientID):
            """
            SELECT \(unescaped: UserRow.columns) FROM (
                SELECT * FROM portico.memberships
                WHERE tenant_id = portico.current_tenant_id() AND client_id = \(clientID)
                    AND (sort_name, id) > (\(after.name), \(after.membershipID))
                ORDER BY sort_name, id
                LIMIT \(limit)
            ) m \(unescaped: UserRow.login)
            ORDER BY m.sort_name, m.id
            """
        }
    }
}

/// Where a page of users ends: the sort key of its last row.
struct UserPageKey: Sendable, Equatable {
    /// `memberships.sort_name`.
    var name: String
    var membershipID: UUID

    /// Before every membership: the empty name and the nil UUID (all bits zero).
    static let beforeAll = UserPageKey(
        name: "", membershipID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    )
}
