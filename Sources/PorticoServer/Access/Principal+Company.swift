import Foundation

extension Principal {
    /// A client user's own company, for a request that may name a client: empty or
    /// their own company's id is their company; another client's id is NOT_FOUND, as
    /// if it did not exist. Staff have no company of their own here.
    func ownCompany(requested rawClientID: String) throws(PorticoError) -> UUID {
        guard let own = clientID else { throw PorticoError.permissionDenied }
        if rawClientID.isEmpty { return own }
        guard try UUID(field: "client_id", rawClientID, what: "a client id") == own else {
            throw PorticoError.notFound("client")
        }
        return own
    }

    /// The client a request narrows to: for staff, the one it names (nil when it names
    /// none: every client, or the staff); for a client user, their own company
    /// (`ownCompany`).
    func requestedClient(_ rawClientID: String) throws(PorticoError) -> UUID? {
        switch role {
        case .admin, .tech:
            return rawClientID.isEmpty ? nil : try UUID(field: "client_id", rawClientID, what: "a client id")
        case .owner, .member:
            return try ownCompany(requested: rawClientID)
        default:
            throw PorticoError.permissionDenied
        }
    }
}
