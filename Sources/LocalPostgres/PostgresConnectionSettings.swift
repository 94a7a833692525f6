/// Where and as whom to connect to PostgreSQL: the parsed form of a `postgres://` URL.
///
/// `description` and `debugDescription` hide the password, so interpolating settings into
/// a log line or an error message cannot leak it; ``url`` is the one spelling that
/// contains it.
public struct PostgresConnectionSettings: Sendable, Equatable {
    /// How the connection uses TLS; the names and meanings are libpq's `sslmode` values.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not checked (as libpq's `require`).
        case require
        /// TLS with a certificate chain that the system trusts; any host name.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate chain issued for ``PostgresConnectionSettings/host``.
        case verifyFull = "verify-full"
    }

    /// The PostgreSQL port when a URL names none.
    public static let defaultPort = 5432

    public var host: String
    public var port: Int
    public var username: String
    /// `nil` means "no password"; the empty string is a password of length zero.
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode

    public init(
        host: String,
        port: Int = PostgresConnectionSettings.defaultPort,
        username: String,
        password: String?,
        database: String,
        tlsMode: TLSMode = .prefer
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
    }

    /// The same server and role, another database.
    public func with(database: String) -> PostgresConnectionSettings {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL with the password replaced by `***`: safe for logs and messages.
    public var redactedDescription: String {
        render(password: password.map { _ in "***" })
    }

    /// The URL these settings were parsed from (normalized). It contains the password: it
    /// is for handing the settings to code that takes a URL, never for logging.
    public var url: String {
        render(password: password.map(Self.percentEncoded))
    }
}

extension PostgresConnectionSettings: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { redactedDescription }
    public var debugDescription: String { "PostgresConnectionSettings(\(redactedDescription))" }
}
