import Foundation

extension ClientStore {
    /// The client detail panel's rows: the client and its users (owner and members), by
    /// name, read in one transaction.
    struct Detail: Sendable {
        var client: ClientRow
        var users: [UserRow]
    }

    func detail(_ clientID: UUID, by principal: Principal) async throws -> Detail {
        let tenantID = try principal.requireTenantID()
        return try await database.withContext(DatabaseContext(principal)) { connection in
            Detail(
                client: try await Self.client(clientID, tenantID: tenantID, on: connection),
                users: try await UserStore.users(ofClient: clientID, on: connection)
            )
        }
    }
}
