import PorticoAPI
import ProtoWire

extension Portico_V1_Location {
    init(_ row: LocationRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        clientId = row.clientID.uuidString.lowercased()
        name = row.details.name
        address = Portico_V1_PostalAddress(row.details.address)
        accessNotes = row.details.accessNotes
        if let archivedAt = row.archivedAt { self.archivedAt = Google_Protobuf_Timestamp(date: archivedAt) }
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
        updatedAt = Google_Protobuf_Timestamp(date: row.updatedAt)
    }
}
