import Foundation
import PorticoAPI
import PostgresNIO
import ProtoWire

/// How a `Portico_V1_Client` is read: one SELECT list and one join, shared by every
/// client query so they all answer with the same message.
enum ClientRow {
    /// The client columns of `c` (a clients row) and its users' summary `s`, plus the
    /// keyset sort key `sort_name` (stored by PostgreSQL's `lower`, so page tokens
    /// compare exactly as the index does; Swift's lower-casing differs for some letters).
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

    /// A row of `columns` as the API message.
    static func client(_ row: PostgresRow) throws -> Portico_V1_Client {
        let cells = row.makeRandomAccess()
        var client = Portico_V1_Client()
        client.id = try cells["id"].decode(UUID.self).uuidString.lowercased()
        client.name = try cells["name"].decode(String.self)
        client.billingEmail = try cells["billing_email"].decode(String.self)
        client.phone = try cells["phone"].decode(String.self)
        client.address = try address(cells)
        client.notes = try cells["notes"].decode(String.self)
        client.createdAt = Google_Protobuf_Timestamp(date: try cells["created_at"].decode(Date.self))
        client.updatedAt = Google_Protobuf_Timestamp(date: try cells["updated_at"].decode(Date.self))
        client.userCount = try cells["user_count"].decode(Int32.self)
        client.ownerStatus = status(temporaryPassword: try cells["owner_is_invited"].decode(Bool?.self))
        return client
    }

    /// The keyset position of a row of `columns`.
    static func sortName(_ row: PostgresRow) throws -> String {
        try row.makeRandomAccess()["sort_name"].decode(String.self)
    }

    private static func address(_ cells: PostgresRandomAccessRow) throws -> Portico_V1_PostalAddress {
        var address = Portico_V1_PostalAddress()
        address.line1 = try cells["address_line1"].decode(String.self)
        address.line2 = try cells["address_line2"].decode(String.self)
        address.city = try cells["city"].decode(String.self)
        address.region = try cells["region"].decode(String.self)
        address.postalCode = try cells["postal_code"].decode(String.self)
        address.countryCode = try cells["country_code"].decode(String.self)
        return address
    }

    /// The owner's status; UNSPECIFIED while the client has no owner.
    static func status(temporaryPassword: Bool?) -> Portico_V1_UserStatus {
        temporaryPassword.map(Portico_V1_UserStatus.init(temporaryPassword:)) ?? .unspecified
    }
}
