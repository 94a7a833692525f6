import Foundation
import PorticoAPI
import ProtoWire

extension Portico_V1_Principal {
    init(_ principal: Principal) {
        self.init()
        userId = principal.userID.uuidString.lowercased()
        email = principal.email
        displayName = principal.displayName
        var membership = Portico_V1_Membership()
        membership.id = principal.membershipID.uuidString.lowercased()
        membership.role = principal.role
        membership.tenantId = principal.tenantID?.uuidString.lowercased() ?? ""
        membership.tenantName = principal.tenantName ?? ""
        membership.clientId = principal.clientID?.uuidString.lowercased() ?? ""
        membership.clientName = principal.clientName ?? ""
        self.membership = membership
    }
}

extension Portico_V1_Session {
    init(token: String?, expiresAt: Date, passwordChangeRequired: Bool) {
        self.init()
        self.token = token ?? ""
        self.expiresAt = Google_Protobuf_Timestamp(date: expiresAt)
        self.passwordChangeRequired = passwordChangeRequired
    }
}
