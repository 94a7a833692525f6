import PostgresNIO

/// The product's answer when a unique index refuses a row, by the index's name. The
/// handlers check first; these indexes decide when two calls race past the checks.
/// `PostgresErrorMapping` looks here for every unique violation, so no handler wraps
/// its writes; an index not listed is the generic ALREADY_EXISTS "already exists".
enum UniqueConflict {
    static let ownerTaken = PorticoError(.failedPrecondition, "this client already has an owner")
    static let emailTaken = PorticoError(.alreadyExists, "a user with this email already belongs to this tenant")
    static let tenantNameTaken = PorticoError(.alreadyExists, "a tenant with this name already exists")
    static let clientNameTaken = PorticoError(.alreadyExists, "client.name: a client with this name already exists")
    static let locationNameTaken = PorticoError(
        .alreadyExists, "location.name: this client already has a location with this name"
    )

    static let byIndex: [String: PorticoError] = [
        "memberships_one_owner_per_client": ownerTaken,
        "memberships_tenant_id_user_id_key": emailTaken,
        "tenants_name_key": tenantNameTaken,
        "clients_name_key": clientNameTaken,
        "locations_name_key": locationNameTaken,
    ]

    /// The answer for `error` when it is a unique violation of a listed index.
    static func answer(for error: PSQLError) -> PorticoError? {
        guard error.serverInfo?[.sqlState] == "23505", let index = error.serverInfo?[.constraintName] else { return nil }
        return byIndex[index]
    }
}
