import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI

/// How hard and how long to drive the server.
struct LoadPlan: Sendable {
    var concurrency: Int
    var connections: Int
    var warmup: Duration
    var duration: Duration
}

/// The measured window: calls that complete inside it are counted and timed.
struct MeasurementWindow: Sendable {
    var start: ContinuousClock.Instant
    var end: ContinuousClock.Instant

    func contains(_ instant: ContinuousClock.Instant) -> Bool {
        instant >= start && instant < end
    }
}

/// One load run: opens the connections, runs the callers until the window closes,
/// then shuts the connections down gracefully.
struct LoadRun: Sendable {
    typealias AuthClient = Portico_V1_Auth.Client<HTTP2ClientTransport.Posix>

    var plan: LoadPlan
    var server: ServerAddress
    var token: String

    func run() async throws -> LoadResult {
        let clients = try (0..<plan.connections).map { _ in GRPCClient(transport: try server.makeTransport()) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { try await client.runConnections() }
            }
            // The callers record failures instead of throwing, so the clients always
            // get shut down and the group always ends.
            let result = await runCallers(clients.map { AuthClient(wrapping: $0) })
            for client in clients { client.beginGracefulShutdown() }
            try await group.waitForAll()
            return result
        }
    }

    private func runCallers(_ clients: [AuthClient]) async -> LoadResult {
        let start = ContinuousClock.now + .milliseconds(1)
        let window = MeasurementWindow(start: start + plan.warmup, end: start + plan.warmup + plan.duration)
        let metadata: Metadata = ["authorization": "Bearer \(token)"]
        async let cpu = ProcessCPU.used(during: window)
        let outcomes = await withTaskGroup(of: CallerOutcome.self) { group in
            for index in 0..<plan.concurrency {
                let client = clients[index % clients.count]
                group.addTask { await Self.call(client, metadata: metadata, window: window) }
            }
            return await group.reduce(into: [CallerOutcome]()) { $0.append($1) }
        }
        return LoadResult(outcomes: outcomes, measured: plan.duration, clientCPU: await cpu)
    }

    /// One caller: back-to-back WhoAmI calls until the window closes; stops at its
    /// first failure, since any failure fails the run.
    private static func call(_ client: AuthClient, metadata: Metadata, window: MeasurementWindow) async -> CallerOutcome {
        var outcome = CallerOutcome()
        let request = Portico_V1_WhoAmIRequest()
        while true {
            let begin = ContinuousClock.now
            guard begin < window.end else { break }
            do {
                let response = try await client.whoAmI(request, metadata: metadata)
                guard response.hasPrincipal else { throw LoadError("WhoAmI answered without a principal") }
            } catch {
                outcome.firstError = String(describing: error)
                break
            }
            let finish = ContinuousClock.now
            if window.contains(finish) {
                outcome.latencies.append((finish - begin).nanoseconds)
            }
        }
        return outcome
    }
}

/// What one caller saw.
struct CallerOutcome: Sendable {
    var latencies: [UInt64] = []
    var firstError: String?
}

extension Duration {
    /// Whole nanoseconds (durations here are never negative).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    var secondsValue: Double {
        Double(nanoseconds) / 1e9
    }
}
