/// Why the migrator refused or failed. Messages are for the operator of the server
/// (logs, the command line), never for gRPC clients.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The database was migrated by a newer server than this binary.
        public static let databaseIsNewer = Code("databaseIsNewer")
        /// A recorded migration has a different name than this binary's migration of
        /// the same version: the two builds disagree about history.
        public static let historyMismatch = Code("historyMismatch")
        /// The app role does not exist, or is the owning role itself.
        public static let invalidAppRole = Code("invalidAppRole")
        /// A migration's SQL failed; the migration was rolled back.
        public static let migrationFailed = Code("migrationFailed")

        public var description: String { name }
    }

    public var code: Code
    public var message: String
    public var cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }
}
