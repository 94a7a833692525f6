import GRPCCore
import GRPCNIOTransportHTTP2
import NIOPosix
public import Logging
import PorticoAPI
public import ServiceLifecycle
import Synchronization

/// The whole server: database preparation, gRPC on HTTP/2, and the background pieces,
/// run side by side and stopped together.
///
/// `portico-server` runs it in a ServiceGroup (signals → graceful shutdown); tests
/// create one with port 0, `run()` it in a task, await `listeningPort`, and call it
/// through the generated clients.
public final class PorticoServer: Service, Sendable {
    public let configuration: ServerConfiguration
    let logger: Logger
    private let readiness = Readiness()
    private let shutdown = ShutdownSwitch()
    /// Wakes this server's mail delivery worker: call `nudge()` after committing a
    /// transaction that queued mail (services get it through `ServerParts`).
    public let mailNudge = MailNudge()
    /// This server's WatchWorkOrders subscribers.
    let watchHub: WatchHub

    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.watchHub = WatchHub(capacity: configuration.watchBufferSize)
    }

    /// The port the server listens on, once it does. Throws if start-up failed.
    public var listeningPort: Int {
        get async throws { try await readiness.port() }
    }

    /// Stops accepting calls, lets in-flight calls finish, then `run()` returns.
    public func beginGracefulShutdown() {
        shutdown.trigger()
    }

    /// Prepares the database, serves until shut down (gracefully on a ServiceGroup
    /// signal or `beginGracefulShutdown()`, at once on task cancellation), then closes
    /// the pool and stops a local cluster it started.
    public func run() async throws {
        let prepared: PreparedDatabase
        do {
            prepared = try await PreparedDatabase.prepare(configuration.database, logger: logger)
        } catch {
            readiness.fail(error)
            throw error
        }
        do {
            try await serve(on: prepared)
        } catch {
            readiness.fail(error)
            try? await prepared.cluster?.stop()
            throw error
        }
        try await prepared.cluster?.stop()
    }

    private func serve(on prepared: PreparedDatabase) async throws {
        // Handlers, the pool and the transport's per-stream tasks all inherit this.
        let executor = EventLoopTaskExecutor(group: .singleton)
        try await withTaskExecutorPreference(executor) {
            try await serveCalls(on: prepared)
        }
        logger.notice("stopped")
    }

    private func serveCalls(on prepared: PreparedDatabase) async throws {
        let database = Database(settings: prepared.app, logger: logger, options: configuration.databaseOptions)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await database.run() }
            let parts = try await ServerParts.assemble(
                configuration: configuration, database: database, listenerSettings: prepared.app,
                mailNudge: mailNudge, watchHub: watchHub, logger: logger
            )
            group.addTask { await parts.healthMonitor.run() }
            group.addTask { await parts.autoClose.run() }
            group.addTask { await parts.listener.run() }
            if let mailDelivery = parts.mailDelivery {
                group.addTask { await mailDelivery.run() }
            }
            let server = GRPCServer(
                transport: parts.transport, services: parts.services, interceptors: parts.interceptors
            )
            shutdown.onTrigger {
                server.beginGracefulShutdown()
                // Watch streams end only when told to; graceful shutdown waits for them.
                parts.healthStatus.finishAll()
                parts.watchHub.finishAll()
            }
            group.addTask {
                let address = try await parts.transport.listeningAddress
                self.readiness.succeed(port: address.ipv4?.port ?? address.ipv6?.port ?? 0)
                self.logger.notice("serving", metadata: ["address": "\(address)"])
            }
            try await withGracefulShutdownHandler {
                try await server.serve()
            } onGracefulShutdown: {
                self.shutdown.trigger()
            }
            // The message in hand is delivered and recorded before the pool closes.
            await parts.mailDelivery?.stop()
            group.cancelAll()
        }
    }
}

/// Hands the bound port to whoever awaits `listeningPort`, or the start-up error.
private final class Readiness: Sendable {
    private let state = Mutex<(result: Result<Int, any Error>?, waiters: [CheckedContinuation<Int, any Error>])>((nil, []))

    func succeed(port: Int) { resolve(.success(port)) }
    func fail(_ error: any Error) { resolve(.failure(error)) }

    func port() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Int, any Error>? in
                if state.result == nil { state.waiters.append(continuation) }
                return state.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    private func resolve(_ result: Result<Int, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard state.result == nil else { return [] }
            state.result = result
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}

/// A one-way switch: actions registered before or after it flips all run once.
private final class ShutdownSwitch: Sendable {
    private let state = Mutex<(triggered: Bool, actions: [@Sendable () -> Void])>((false, []))

    func trigger() {
        let actions = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.triggered else { return [] }
            state.triggered = true
            defer { state.actions.removeAll() }
            return state.actions
        }
        for action in actions { action() }
    }

    func onTrigger(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.triggered { return true }
            state.actions.append(action)
            return false
        }
        if runNow { action() }
    }
}
