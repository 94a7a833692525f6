import Foundation
import PorticoAPI

extension DatabaseContext {
    /// The RLS context of a signed-in principal's call.
    init(_ principal: Principal) {
        self.init(
            tenantID: principal.tenantID, userID: principal.userID,
            role: DatabaseRole(principal.role), clientID: principal.clientID
        )
    }

    /// Only a user: what sign-in needs before a membership is chosen (the login's own
    /// rows: its memberships, sessions and password).
    static func user(_ userID: UUID) -> DatabaseContext {
        DatabaseContext(userID: userID)
    }
}
