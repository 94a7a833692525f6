import Foundation
import GRPCCore
import PorticoAPI

extension InvitesService {
    func listUsers(
        request: Portico_V1_ListUsersRequest, context: ServerContext
    ) async throws -> Portico_V1_ListUsersResponse {
        let principal = try CallContext.requirePrincipal()
        let scope = try Self.listScope(request.clientId, for: principal)
        let page = try PageRequest(request.page, keyCount: 2)
        let users = try await store.listUsers(scope, page, by: principal)
        var response = Portico_V1_ListUsersResponse()
        response.users = users.rows.map(Portico_V1_User.init)
        response.page.nextPageToken = users.nextPageToken
        return response
    }

    func removeUser(
        request: Portico_V1_RemoveUserRequest, context: ServerContext
    ) async throws -> Portico_V1_RemoveUserResponse {
        let principal = try CallContext.requirePrincipal()
        let membershipID = try UUID(field: "membership_id", request.membershipId, what: "a user's membership id")
        try await store.remove(membershipID: membershipID, by: principal)
        return Portico_V1_RemoveUserResponse()
    }

    func getInviteQuota(
        request: Portico_V1_GetInviteQuotaRequest, context: ServerContext
    ) async throws -> Portico_V1_GetInviteQuotaResponse {
        let principal = try CallContext.requirePrincipal()
        var response = Portico_V1_GetInviteQuotaResponse()
        response.quota = Portico_V1_InviteQuota(try await store.quota(by: principal))
        return response
    }

    /// Admins: the given client, or the staff when none is given. Owners: their own
    /// company; any other client id is NOT_FOUND, as if it did not exist.
    static func listScope(_ rawClientID: String, for principal: Principal) throws(PorticoError) -> UserStore.Scope {
        guard principal.role == .admin || principal.role == .owner else { throw PorticoError.permissionDenied }
        return try principal.requestedClient(rawClientID).map(UserStore.Scope.client) ?? .staff
    }
}
