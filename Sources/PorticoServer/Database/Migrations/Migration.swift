/// One versioned step of Portico's schema, shipped inside the server binary.
///
/// A migration is a list of statements rather than one script because postgres-nio
/// speaks only the extended query protocol, which takes a single statement per query.
/// The `Migrator` runs all statements of a migration, and records it, in one
/// transaction.
public struct Migration: Sendable {
    /// Position in `Migration.all`; strictly increasing from 1, never reused.
    public let version: Int
    /// Short name recorded in `portico.schema_migrations`; it must never change once
    /// shipped (the migrator refuses a database that recorded a different name).
    public let name: String
    /// The SQL, one statement per element, run in order.
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

extension Migration {
    /// Every migration this binary knows, oldest first.
    public static let all: [Migration] = [
        .foundation,
        .invites,
        .sortKeys,
        .locations,
        .nteProfiles,
        .workOrders,
        .workOrderComments,
        .costsAndCompletion,
        .workOrderNotifications,
        .withdrawnIncreases,
        .plannerFriendlyPolicies,
        .workOrderGuards,
    ]

    /// The newest version this binary knows.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
