import Foundation
import PorticoAPI

extension ClientStore {
    /// The client detail panel: the client, its owner (absent while none was invited)
    /// and its members by name, read in one transaction.
    func detail(_ clientID: UUID, by principal: Principal) async throws -> Portico_V1_GetClientResponse {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            var response = Portico_V1_GetClientResponse()
            response.client = try await Self.client(clientID, tenantID: tenantID, in: connection)
            let users = try await UserDirectory(connection).users(ofClient: clientID)
            let owner = users.first { $0.role == .owner }
            if let owner { response.owner = owner }
            response.members = users.filter { $0.role == .member }
            // The panel agrees with itself even when a user was invited or removed
            // between the two statements (each sees its own READ COMMITTED snapshot).
            response.client.userCount = Int32(users.count)
            response.client.ownerStatus = owner?.status ?? .unspecified
            return response
        }
    }
}
