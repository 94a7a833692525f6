import Foundation
import PostgresNIO

/// A client as `ClientStore` reads it: its stored fields, its keyset sort key, and a
/// summary of its portal users counted in the same statement.
struct ClientRow: Sendable, Equatable {
    var id: UUID
    var details: ClientDetails
    var createdAt: Date
    var updatedAt: Date
    /// `sort_name`, stored by PostgreSQL's `lower`, so page tokens compare exactly as
    /// the index does (Swift's lower-casing differs for some letters).
    var sortName: String
    /// The client's OWNER and MEMBERs.
    var userCount: Int32
    /// Nil while the client has no owner, else whether the owner's login still has its
    /// temporary password.
    var ownerHasTemporaryPassword: Bool?

    /// The client columns of `c` (a clients row) and its users' summary `s`.
    static let columns = """
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

    /// A row of `columns`.
    init(row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        id = try cells["id"].decode(UUID.self)
        details = ClientDetails(
            name: try cells["name"].decode(String.self),
            billingEmail: try cells["billing_email"].decode(String.self),
            phone: try cells["phone"].decode(String.self),
            address: try PostalAddressDetails(cells: cells),
            notes: try cells["notes"].decode(String.self)
        )
        createdAt = try cells["created_at"].decode(Date.self)
        updatedAt = try cells["updated_at"].decode(Date.self)
        sortName = try cells["sort_name"].decode(String.self)
        userCount = try cells["user_count"].decode(Int32.self)
        ownerHasTemporaryPassword = try cells["owner_is_invited"].decode(Bool?.self)
    }
}
