import GRPCCore
import GRPCNIOTransportHTTP2
import LocalPostgres
import Logging
import PorticoAPI

/// What a running server is made of, built once the database pool is up.
struct ServerParts: Sendable {
    var transport: HTTP2ServerTransport.Posix
    var services: [any RegistrableRPCService]
    var interceptors: [any ServerInterceptor]
    var healthStatus: HealthStatus
    var healthMonitor: HealthMonitor
    /// The outbox's delivery worker; nil with `MailSettings.isDeliveryEnabled` false.
    var mailDelivery: MailDelivery?
    var autoClose: AutoCloseJob
    /// WatchWorkOrders' subscribers, fed by `listener`.
    var watchHub: WatchHub
    var listener: WorkOrderListener

    /// Largest request message accepted; bigger ones fail with RESOURCE_EXHAUSTED
    /// before they are read into memory.
    static let maximumRequestSize = 4 * 1024 * 1024

    static func assemble(
        configuration: ServerConfiguration, database: Database, listenerSettings: PostgresConnectionSettings,
        mailNudge: MailNudge, watchHub: WatchHub, logger: Logger
    ) async throws -> ServerParts {
        try await database.checkAppRoleCannotBypassRLS()
        let hasher = PasswordHasher(cost: configuration.passwordHashCost)
        try await OperatorAccount.bootstrap(
            configuration.operatorBootstrap, database: database, hasher: hasher, logger: logger
        )
        let mailDelivery = try configuration.mail.isDeliveryEnabled
            ? MailDelivery(database: database, settings: configuration.mail, nudge: mailNudge, logger: logger)
            : nil
        let accessRules = PorticoAPIRegistry.access
        let healthStatus = HealthStatus()
        // The database has just answered the start-up queries.
        healthStatus.update(.serving)
        let reflection = ReflectionIndex(PorticoAPIRegistry.self)
        // Invites queue mail: once their transaction commits, the worker sends it now.
        let mailQueued: @Sendable () -> Void = { mailNudge.nudge() }
        let workOrders = WorkOrderStore(database: database)
        let sessions = AuthStore(database: database)
        watchHub.useSessionLookup { try await sessions.liveSessions($0) }
        let services: [any RegistrableRPCService] = [
            try await AuthService(database: database, hasher: hasher, settings: configuration.auth),
            OperatorService(
                store: OperatorStore(database: database), hasher: hasher, invites: configuration.invites,
                mailQueued: mailQueued
            ),
            InvitesService(
                database: database, hasher: hasher, settings: configuration.invites, mailQueued: mailQueued
            ),
            ClientsService(store: ClientStore(database: database)),
            LocationsService(store: LocationStore(database: database)),
            NteProfilesService(store: NteProfileStore(database: database)),
            WorkOrdersService(store: workOrders, watch: watchHub),
            TenantSettingsService(store: TenantSettingsStore(database: database)),
            HealthService(status: healthStatus, serviceNames: Set(PorticoAPIRegistry.services.map(\.descriptor.fullyQualifiedService))),
            ReflectionService(index: reflection),
            ReflectionServiceV1Alpha(index: reflection),
        ]
        let interceptors: [any ServerInterceptor] = [
            RequestLoggingInterceptor(logger: logger),
            ErrorMappingInterceptor(logger: logger),
            AuthenticationInterceptor(store: AuthStore(database: database), accessRules: accessRules),
            AccessInterceptor(accessRules: accessRules),
        ]
        var transportConfig = HTTP2ServerTransport.Posix.Config.defaults
        transportConfig.rpc.maxRequestPayloadSize = maximumRequestSize
        let transport = HTTP2ServerTransport.Posix(
            address: configuration.host.contains(":")
                ? .ipv6(host: configuration.host, port: configuration.port)
                : .ipv4(host: configuration.host, port: configuration.port),
            transportSecurity: .plaintext,
            config: transportConfig
        )
        let monitor = HealthMonitor(
            database: database, status: healthStatus, interval: configuration.healthCheckInterval, logger: logger
        )
        return ServerParts(
            transport: transport, services: services, interceptors: interceptors,
            healthStatus: healthStatus, healthMonitor: monitor, mailDelivery: mailDelivery,
            autoClose: AutoCloseJob(store: workOrders, interval: configuration.autoCloseInterval, logger: logger),
            watchHub: watchHub,
            listener: WorkOrderListener(settings: listenerSettings, hub: watchHub, logger: logger)
        )
    }
}
