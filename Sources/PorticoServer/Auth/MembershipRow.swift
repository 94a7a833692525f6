import Foundation
import PorticoAPI
import PostgresNIO

/// One membership a login can act as: a tenant role (with its client for OWNER and
/// MEMBER), or the platform operator's role, whose id is the `operators` row's.
struct MembershipRow: Sendable, Equatable {
    var id: UUID
    var role: Portico_V1_Role
    var tenantID: UUID?
    var tenantName: String?
    var clientID: UUID?
    var clientName: String?

    /// The operator pseudo-membership.
    init(operatorID: UUID) {
        id = operatorID
        role = .operator
    }

    /// A row of `AuthStore.memberships`' tenant query: id, role, tenant id and name,
    /// client id and name.
    init(row: PostgresRow) throws {
        let (id, role, tenantID, tenantName, clientID, clientName) =
            try row.decode((UUID, String, UUID, String, UUID?, String?).self)
        self.id = id
        self.role = Portico_V1_Role(databaseName: role)
        self.tenantID = tenantID
        self.tenantName = tenantName
        self.clientID = clientID
        self.clientName = clientName
    }
}
