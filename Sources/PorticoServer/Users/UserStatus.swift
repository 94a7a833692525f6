import PorticoAPI

extension Portico_V1_UserStatus {
    /// INVITED until the login replaces its temporary password, then ACTIVE.
    init(temporaryPassword: Bool) {
        self = temporaryPassword ? .invited : .active
    }
}
