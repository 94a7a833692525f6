/// Where Portico's data lives.
public enum DatabaseLocation: Sendable, Equatable {
    /// An existing PostgreSQL. `appURL` is what the server's queries use: a role
    /// without BYPASSRLS that does not own the schema (both checked at start).
    /// `ownerURL` owns the schema and runs the migrations; without it the app URL is
    /// used for migrations too, which the start-up check then refuses, so it is needed
    /// unless the schema is already migrated and owned by another role.
    case external(appURL: String, ownerURL: String?)
    /// A cluster of the installed PostgreSQL in this folder, created on first use,
    /// started with the server and stopped when it exits.
    case localCluster(dataDirectory: String)
}
