import Foundation
import PostgresNIO

/// A site as `LocationStore` reads it.
struct LocationRow: Sendable, Equatable {
    var id: UUID
    var clientID: UUID
    var details: LocationDetails
    /// Nil while the site is active.
    var archivedAt: Date?
    var createdAt: Date
    var updatedAt: Date
    /// `sort_name`, the stored `lower(name)`: with `id`, the list's keyset.
    var sortName: String

    init(row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        id = try cells["id"].decode(UUID.self)
        clientID = try cells["client_id"].decode(UUID.self)
        details = LocationDetails(
            name: try cells["name"].decode(String.self),
            address: try PostalAddressDetails(cells: cells),
            accessNotes: try cells["access_notes"].decode(String.self)
        )
        archivedAt = try cells["archived_at"].decode(Date?.self)
        createdAt = try cells["created_at"].decode(Date.self)
        updatedAt = try cells["updated_at"].decode(Date.self)
        sortName = try cells["sort_name"].decode(String.self)
    }

    /// Where a page ending with this site ends: its name key, then the id that breaks
    /// ties between clients' sites of the same name.
    var pageKey: NameIDKey { NameIDKey(name: sortName, id: id) }
}
