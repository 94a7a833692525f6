import Foundation
import GRPCCore
import PorticoAPI

extension InvitesService {
    func listUsers(
        request: Portico_V1_ListUsersRequest, context: ServerContext
    ) async throws -> Portico_V1_ListUsersResponse {
        let principal = try CallContext.requirePrincipal()
        let scope = try Self.listScope(request.clientId, for: principal)
        let pageSize = try PageToken.pageSize(request.page)
        let after = try Self.pageKey(request.page)
        let rows = try await store.listUsers(scope, after: after, limit: pageSize + 1, by: principal)
        var response = Portico_V1_ListUsersResponse()
        let page = rows.prefix(pageSize)
        response.users = page.map(\.user)
        if rows.count > pageSize, let last = page.last {
            response.page.nextPageToken = PageToken(
                keys: [last.pageKey.name, last.pageKey.membershipID.uuidString.lowercased()]
            ).encoded
        }
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
        response.quota = try await store.quota(by: principal)
        return response
    }

    /// Admins: the given client, or the staff when none is given. Owners: their own
    /// company; any other client id is NOT_FOUND, as if it did not exist.
    static func listScope(_ rawClientID: String, for principal: Principal) throws(PorticoError) -> UserDirectory.Scope {
        let clientID: UUID? = try rawClientID.isEmpty ? nil : UUID(field: "client_id", rawClientID, what: "a client id")
        switch principal.role {
        case .admin:
            return clientID.map(UserDirectory.Scope.client) ?? .staff
        case .owner:
            guard let own = principal.clientID else { throw PorticoError.permissionDenied }
            if let clientID, clientID != own { throw PorticoError.notFound("client") }
            return .client(own)
        default:
            throw PorticoError.permissionDenied
        }
    }

    static func pageKey(_ page: Portico_V1_PageRequest) throws(PorticoError) -> UserPageKey? {
        guard let token = try PageToken.decode(page, keyCount: 2) else { return nil }
        guard let id = UUID(uuidString: token.keys[1]) else {
            throw .invalidField("page.page_token", "is not a token this list returned")
        }
        return UserPageKey(name: token.keys[0], membershipID: id)
    }
}
