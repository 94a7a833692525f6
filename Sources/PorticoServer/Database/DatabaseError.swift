/// A failure of the database layer itself (as opposed to an error PostgreSQL reported).
/// `PostgresErrorMapping` turns it into a gRPC status; the message is for server logs.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No pooled connection became available in time: PostgreSQL is down,
        /// unreachable, or every connection is busy.
        public static let connectionTimeout = Code("connectionTimeout")
        /// The connection closed (PostgreSQL went away) before the statement was sent.
        public static let connectionClosed = Code("connectionClosed")
        /// COMMIT found the transaction already failed (a statement's error was caught
        /// and ignored inside `withContext`); nothing was written.
        public static let transactionRolledBack = Code("transactionRolledBack")
        /// The app role could read past row-level security (superuser, BYPASSRLS, or
        /// a member of the role owning the tables); the server refuses to use it.
        public static let appRoleBypassesRowSecurity = Code("appRoleBypassesRowSecurity")

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
