import PorticoAPI
import ProtoWire

extension Portico_V1_Comment {
    init(_ row: CommentRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        workOrderId = row.workOrderID.uuidString.lowercased()
        authorName = row.authorName
        authorRole = row.authorRole
        body = row.body
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
    }
}
