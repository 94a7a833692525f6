/// Why a local PostgreSQL cluster could not be created, started or stopped.
///
/// The message says what failed and, when PostgreSQL itself refused, ends with the last
/// lines of its log or of the program's output. None of these hold a password: the
/// passwords reach PostgreSQL only through a file and bind parameters.
public struct LocalPostgresClusterError: Error, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// No usable `initdb`/`pg_ctl`/`postgres` programs.
        case serverNotInstalled
        /// The data folder cannot be used (permissions, not a cluster, missing credentials).
        case unusableDataDirectory
        /// Another live process is running this cluster.
        case inUse
        /// Running as root without an unprivileged account to run PostgreSQL as.
        case noUnprivilegedAccount
        /// A program (initdb, pg_ctl, setpriv) could not be run or failed.
        case commandFailed
        /// PostgreSQL did not start or did not accept connections in time.
        case startFailed
        /// Creating the Portico roles and database failed.
        case setupFailed
        /// `pg_ctl stop` failed.
        case stopFailed
    }

    public var code: Code
    public var message: String
    /// The underlying error (a postgres-nio error, for instance), when there is one.
    public var cause: (any Error)?

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { message }
}
