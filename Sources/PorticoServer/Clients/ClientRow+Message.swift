import PorticoAPI
import ProtoWire

extension Portico_V1_Client {
    /// A client as the API shows it.
    init(_ row: ClientRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        name = row.details.name
        billingEmail = row.details.billingEmail
        phone = row.details.phone
        address = Portico_V1_PostalAddress(row.details.address)
        notes = row.details.notes
        createdAt = Google_Protobuf_Timestamp(date: row.createdAt)
        updatedAt = Google_Protobuf_Timestamp(date: row.updatedAt)
        userCount = row.userCount
        ownerStatus = row.ownerHasTemporaryPassword.map(Portico_V1_UserStatus.init(temporaryPassword:)) ?? .unspecified
    }
}
