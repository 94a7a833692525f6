public import PorticoAPI
import Foundation

extension Portico_V1_Role {
    /// The role's spelling in the database (`memberships.role`, `portico.role`).
    public var databaseName: String {
        switch self {
        case .operator: "OPERATOR"
        case .admin: "ADMIN"
        case .tech: "TECH"
        case .owner: "OWNER"
        case .member: "MEMBER"
        case .unspecified, .unrecognized: ""
        }
    }

    /// The role a database row names; unknown spellings are `.unspecified`, which no
    /// access rule lists.
    public init(databaseName: String) {
        switch databaseName {
        case "OPERATOR": self = .operator
        case "ADMIN": self = .admin
        case "TECH": self = .tech
        case "OWNER": self = .owner
        case "MEMBER": self = .member
        default: self = .unspecified
        }
    }
}

extension Portico_V1_Membership {
    /// The platform operator pseudo-membership (its id is the `operators` row's).
    static func operatorMembership(id: UUID) -> Portico_V1_Membership {
        var membership = Portico_V1_Membership()
        membership.id = id.uuidString.lowercased()
        membership.role = .operator
        return membership
    }
}
