public import Logging

/// Everything `buildServer` needs to know; `portico-server` fills it from flags and
/// the environment, tests fill it directly (port 0, a throwaway database).
public struct ServerConfiguration: Sendable {
    /// Where the gRPC server listens.
    public var host: String
    /// 0 picks a free port; `PorticoServer.listeningAddress` tells which.
    public var port: Int
    /// Where the data lives.
    public var database: DatabaseLocation
    /// The app role's connection pool: its size and how long a call waits for it.
    public var databaseOptions: Database.Options
    /// Work factor of the password hash (scrypt's N is 2^cost). Tests lower it.
    public var passwordHashCost: Int
    /// The operator login created on first start when none exists.
    public var operatorBootstrap: OperatorBootstrap
    public var logLevel: Logger.Level
    /// Session lifetime and sign-in throttling.
    public var auth: AuthSettings
    /// How often the health monitor checks that PostgreSQL answers.
    public var healthCheckInterval: Duration
    /// How often the auto-close job looks for completed work orders past their
    /// sign-off window.
    public var autoCloseInterval: Duration
    /// How many WatchWorkOrders events may wait for one slow subscriber before its
    /// stream ends with RESOURCE_EXHAUSTED.
    public var watchBufferSize: Int = 256
    /// How queued email is delivered.
    public var mail: MailSettings
    /// Invite emails' link and temporary passwords' lifetime.
    public var invites: InviteSettings

    public init(
        host: String = "127.0.0.1",
        port: Int = 50051,
        database: DatabaseLocation,
        databaseOptions: Database.Options = .init(),
        passwordHashCost: Int = PasswordHashingDefaults.cost,
        operatorBootstrap: OperatorBootstrap = .init(),
        logLevel: Logger.Level = .info,
        auth: AuthSettings = .init(),
        healthCheckInterval: Duration = .seconds(2),
        autoCloseInterval: Duration = .seconds(60),
        mail: MailSettings = .init(),
        invites: InviteSettings = .init()
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.databaseOptions = databaseOptions
        self.passwordHashCost = passwordHashCost
        self.operatorBootstrap = operatorBootstrap
        self.logLevel = logLevel
        self.auth = auth
        self.healthCheckInterval = healthCheckInterval
        self.autoCloseInterval = autoCloseInterval
        self.mail = mail
        self.invites = invites
    }
}

/// The operator account `portico-server` makes on first start
/// (`PORTICO_OPERATOR_EMAIL`, `PORTICO_OPERATOR_PASSWORD`). With no password, one is
/// generated and printed once; it is stored only hashed.
public struct OperatorBootstrap: Sendable {
    public var email: String
    public var password: String?

    public init(email: String = "operator@portico.local", password: String? = nil) {
        self.email = email
        self.password = password
    }
}

public enum PasswordHashingDefaults {
    /// scrypt N = 2^15 (r 8, p 1): OWASP's minimum recommendation, about 32 MiB and
    /// tens of milliseconds per hash.
    public static let cost = 15
}
