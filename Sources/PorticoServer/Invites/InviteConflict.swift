import PostgresNIO

/// Turns the unique violations an invite can hit into the answers the product
/// promises, by the index that refused the row. The handlers check first; these
/// indexes decide when two calls race past the checks.
enum InviteConflict {
    static let ownerTaken = PorticoError(.failedPrecondition, "this client already has an owner")
    static let emailTaken = PorticoError(.alreadyExists, "a user with this email already belongs to this tenant")
    static let tenantNameTaken = PorticoError(.alreadyExists, "a tenant with this name already exists")

    /// `error` as the caller should see it: a known unique violation becomes its
    /// `PorticoError` (keeping the database error as the cause); anything else is
    /// returned unchanged.
    static func translated(_ error: any Error) -> any Error {
        guard let psqlError = PostgresErrorMapping.unwrapped(error) as? PSQLError,
            psqlError.serverInfo?[.sqlState] == "23505"
        else { return error }
        let known: PorticoError? =
            switch psqlError.serverInfo?[.constraintName] ?? "" {
            case "memberships_one_owner_per_client": ownerTaken
            case "memberships_tenant_id_user_id_key": emailTaken
            case "tenants_name_key": tenantNameTaken
            default: nil
            }
        guard var known else { return error }
        known.cause = error
        return known
    }

    /// Runs `body`, translating its unique violations.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw translated(error)
        }
    }
}
