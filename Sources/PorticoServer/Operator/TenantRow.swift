import Foundation
import PostgresNIO

/// A tenant as `OperatorStore` reads it.
struct TenantRow: Sendable, Equatable {
    var id: UUID
    var name: String
    var createdAt: Date
    var inviteLimit: Int32
    /// `sort_name`, the stored `lower(name)`: the list's keyset.
    var sortName: String

    init(row: PostgresRow) throws {
        (id, name, createdAt, inviteLimit, sortName) = try row.decode((UUID, String, Date, Int32, String).self)
    }
}
