import PorticoAPI
import ProtoWire

extension Portico_V1_Tenant {
    init(_ row: TenantRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        name = row.name
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
        inviteLimit = row.inviteLimit
    }
}
