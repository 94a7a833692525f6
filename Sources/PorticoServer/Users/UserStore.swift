import Foundation
import PostgresNIO

/// The SQL of a tenant's users (memberships with their logins). Users have no service
/// of their own: Clients and Invites read and remove them inside their own
/// transactions, so every statement here takes the caller's connection, in its RLS
/// context.
///
/// Every query is scoped to `portico.current_tenant_id()`; row-level security further
/// limits owners to their own company, and makes other tenants' rows absent (never an
/// error). Lists are ordered by name ignoring case (`sort_name`), then membership id:
/// the keyset of the page token, and of the indexes `memberships_staff_name_idx` and
/// `memberships_client_name_idx` (migration 0003).
enum UserStore {
    /// The select list of a `UserRow`, in `UserRow.init(row:)`'s order.
    static let userColumns = """
        m.id, m.user_id, m.display_name, u.email, m.role, m.client_id, u.password_is_temporary,
        m.invited_at, m.invited_by_name, u.temporary_password_expires_at, m.sort_name
        """

    /// The login must be visible too: RLS shows admins their tenant's logins and owners
    /// their company's.
    static let userSource = "portico.memberships m \(login)"

    /// The login `u` of the membership `m`.
    static let login = "JOIN portico.auth_users u ON u.id = m.user_id"

    /// Which users a page lists.
    enum Scope: Sendable, Equatable {
        /// One client company's OWNER and MEMBERs.
        case client(UUID)
        /// The tenant's ADMIN and TECH users.
        case staff
    }

    /// A client company's users (its OWNER and MEMBERs), by name: all of them, for the
    /// client's detail panel.
    static func users(ofClient clientID: UUID, on connection: DatabaseConnection) async throws -> [UserRow] {
        let rows = try await connection.query(pageQuery(of: .client(clientID), after: .beforeAll, limit: Int(Int32.max)))
        return try rows.map(UserRow.init(row:))
    }

    /// One membership of the current tenant with its login, or nil when it does not
    /// exist or the caller may not see it.
    static func user(membershipID: UUID, on connection: DatabaseConnection) async throws -> UserRow? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: UserStore.userColumns) FROM \(unescaped: UserStore.userSource)
            WHERE m.tenant_id = portico.current_tenant_id() AND m.id = \(membershipID)
            """
        )
        return try rows.first.map(UserRow.init(row:))
    }

    /// One keyset page of `scope`, after `after` (the previous page's last
    /// `UserRow.pageKey`, parsed from `request`'s token by the caller before its
    /// transaction).
    static func page(
        of scope: Scope, after: NameIDKey, _ request: PageRequest, on connection: DatabaseConnection
    ) async throws -> KeysetPage<UserRow> {
        let rows = try await connection.query(pageQuery(of: scope, after: after, limit: request.fetchLimit))
        return KeysetPage(fetched: try rows.map(UserRow.init(row:)), request: request) { $0.pageKey.tokenKeys }
    }

    /// Rule 2: whether the client already has its OWNER (the unique index
    /// `memberships_one_owner_per_client` still decides a race).
    static func clientHasOwner(_ clientID: UUID, on connection: DatabaseConnection) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT 1 FROM portico.memberships
            WHERE tenant_id = portico.current_tenant_id() AND client_id = \(clientID) AND role = 'OWNER'
            """
        )
        return !rows.isEmpty
    }

    /// The name a membership of the current tenant records (empty when none was), or
    /// nil when the caller cannot see it.
    static func displayName(membershipID: UUID, on connection: DatabaseConnection) async throws -> String? {
        let rows = try await connection.query(
            """
            SELECT display_name FROM portico.memberships
            WHERE tenant_id = portico.current_tenant_id() AND id = \(membershipID)
            """
        )
        return try rows.first?.decode(String.self)
    }

    /// The name the caller's tenant knows them by: their membership's, else their
    /// login's. Work orders and invitations record it as a snapshot.
    static func name(of principal: Principal, on connection: DatabaseConnection) async throws -> String {
        let name = try await displayName(membershipID: principal.membershipID, on: connection) ?? ""
        return name.isEmpty ? principal.displayName : name
    }

    /// Rule 8: deletes the membership (its sessions go with it, by foreign key), then
    /// the login if that was its last membership, so the email is free again. Returns
    /// false when the policies kept the membership from being deleted.
    static func remove(_ user: UserRow, on connection: DatabaseConnection) async throws -> Bool {
        let deleted = try await connection.execute(
            """
            DELETE FROM portico.memberships
            WHERE tenant_id = portico.current_tenant_id() AND id = \(user.membershipID)
            """
        )
        guard deleted == 1 else { return false }
        try await connection.query("SELECT portico.delete_login_if_orphaned(\(user.userID))")
        return true
    }

    /// The query of one page. One shape per scope, each an index range from `after` on:
    /// the staff (ADMIN and TECH, the memberships without a client) and one client's
    /// users have an index each. The page is cut from the memberships before the logins
    /// are joined: PostgreSQL estimates that few rows pass memberships' policy, and
    /// with the join in the same query level it would join and sort the whole range
    /// instead of reading the index in order up to the LIMIT. Every membership the
    /// caller sees has a login the caller sees (admins see their tenant's, owners their
    /// company's), so the join keeps every row of the page.
    static func pageQuery(of scope: Scope, after: NameIDKey, limit: Int) -> PostgresQuery {
        switch scope {
        case .staff:
            """
            SELECT \(unescaped: UserStore.userColumns) FROM (
                SELECT * FROM portico.memberships
                WHERE tenant_id = portico.current_tenant_id() AND client_id IS NULL
                    AND (sort_name, id) > (\(after.name), \(after.id))
                ORDER BY sort_name, id
                LIMIT \(limit)
            ) m \(unescaped: UserStore.login)
            ORDER BY m.sort_name, m.id
            """
        case .client(let clientID):
            """
            SELECT \(unescaped: UserStore.userColumns) FROM (
                SELECT * FROM portico.memberships
                WHERE tenant_id = portico.current_tenant_id() AND client_id = \(clientID)
                    AND (sort_name, id) > (\(after.name), \(after.id))
                ORDER BY sort_name, id
                LIMIT \(limit)
            ) m \(unescaped: UserStore.login)
            ORDER BY m.sort_name, m.id
            """
        }
    }
}
