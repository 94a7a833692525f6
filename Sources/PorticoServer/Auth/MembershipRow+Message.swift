import PorticoAPI

extension Portico_V1_Membership {
    init(_ row: MembershipRow) {
        self.init()
        id = row.id.uuidString.lowercased()
        role = row.role
        tenantId = row.tenantID?.uuidString.lowercased() ?? ""
        tenantName = row.tenantName ?? ""
        clientId = row.clientID?.uuidString.lowercased() ?? ""
        clientName = row.clientName ?? ""
    }
}
