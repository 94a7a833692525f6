public import PorticoAPI

/// A role as the database spells it: `memberships.role`, `sessions.role` and the
/// `portico.role` setting that row-level security reads. These raw values are the only
/// spelling of role names on the server; `Portico_V1_Role` converts to and from them.
public enum DatabaseRole: String, Sendable, Hashable, CaseIterable {
    case `operator` = "OPERATOR"
    case admin = "ADMIN"
    case tech = "TECH"
    case owner = "OWNER"
    case member = "MEMBER"
    /// The outbox's delivery worker: no principal holds it, and only the outbox's
    /// policies admit it.
    case mailer = "MAILER"

    /// The database role of an API role; nil for one the API leaves unspecified.
    public init?(_ role: Portico_V1_Role) {
        switch role {
        case .operator: self = .operator
        case .admin: self = .admin
        case .tech: self = .tech
        case .owner: self = .owner
        case .member: self = .member
        case .unspecified, .unrecognized: return nil
        }
    }
}

extension Portico_V1_Role {
    /// The API role of a database role; the mailer, which no principal holds, and a
    /// missing role are `.unspecified`, which no access rule lists.
    public init(_ role: DatabaseRole?) {
        switch role {
        case .operator: self = .operator
        case .admin: self = .admin
        case .tech: self = .tech
        case .owner: self = .owner
        case .member: self = .member
        case .mailer, nil: self = .unspecified
        }
    }

    /// The role a database row names; an unknown spelling is `.unspecified`.
    public init(databaseName: String) {
        self.init(DatabaseRole(rawValue: databaseName))
    }

    /// The role's spelling in the database, or "" for `.unspecified`.
    public var databaseName: String {
        DatabaseRole(self)?.rawValue ?? ""
    }
}
