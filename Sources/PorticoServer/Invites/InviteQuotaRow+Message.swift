import PorticoAPI
import ProtoWire

extension Portico_V1_InviteQuota {
    init(_ row: InviteQuotaRow) {
        self.init()
        used = row.used
        limit = row.limit
        if let next = row.nextFreeAt { nextFreeAt = Google_Protobuf_Timestamp(date: next) }
    }
}

extension Portico_V1_InviteResponse {
    init(_ outcome: InviteStore.Outcome) {
        self.init()
        quota = Portico_V1_InviteQuota(outcome.quota)
        user = Portico_V1_User(outcome.user)
    }
}
