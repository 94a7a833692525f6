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
}
