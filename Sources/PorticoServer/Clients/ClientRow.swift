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

    /// A row of `ClientStore.clientColumns`.
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
