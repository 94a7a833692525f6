import Foundation
import PorticoAPI
import PostgresNIO

/// One comment of a work order's thread as `WorkOrderStore` reads it.
struct CommentRow: Sendable, Equatable {
    var id: UUID
    var workOrderID: UUID
    /// The thread's order and keyset.
    var seq: Int64
    var authorName: String
    var authorRole: Portico_V1_Role
    var body: String
    var createdAt: Date

    init(row: PostgresRow) throws {
        let (id, workOrderID, seq, authorName, authorRole, body, createdAt) = try row.decode(
            (UUID, UUID, Int64, String, String, String, Date).self
        )
        self.id = id
        self.workOrderID = workOrderID
        self.seq = seq
        self.authorName = authorName
        self.authorRole = Portico_V1_Role(databaseName: authorRole)
        self.body = body
        self.createdAt = createdAt
    }
}
