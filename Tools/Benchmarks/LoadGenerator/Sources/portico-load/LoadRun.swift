import GRPCCore
import GRPCNIOTransportHTTP2

/// How hard and how long to drive the server.
struct LoadPlan: Sendable {
    /// The method's name for the summary: "Auth/WhoAmI".
    var methodName: String
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
    typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

    var plan: LoadPlan
    var server: ServerAddress
    /// The call the callers repeat, made once per connection.
    var makeCall: @Sendable (Client) throws -> LoadedRPC.Call

    func run() async throws -> LoadResult {
        let clients = try (0..<plan.connections).map { _ in GRPCClient(transport: try server.makeTransport()) }
        let calls = try clients.map { try makeCall($0) }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { try await client.runConnections() }
            }
            // The callers record failures instead of throwing, so the clients always
            // get shut down and the group always ends.
            let result = await runCallers(calls)
            for client in clients { client.beginGracefulShutdown() }
            try await group.waitForAll()
            return result
        }
    }

    private func runCallers(_ calls: [LoadedRPC.Call]) async -> LoadResult {
        let start = ContinuousClock.now + .milliseconds(1)
        let window = MeasurementWindow(start: start + plan.warmup, end: start + plan.warmup + plan.duration)
        async let cpu = ProcessCPU.used(during: window)
        let outcomes = await withTaskGroup(of: CallerOutcome.self) { group in
            for index in 0..<plan.concurrency {
                let call = calls[index % calls.count]
                group.addTask { await Self.repeatedly(call, during: window) }
            }
            return await group.reduce(into: [CallerOutcome]()) { $0.append($1) }
        }
        return LoadResult(outcomes: outcomes, measured: plan.duration, clientCPU: await cpu)
    }

    /// One caller: back-to-back calls until the window closes; stops at its first
    /// failure, since any failure fails the run.
    private static func repeatedly(_ call: LoadedRPC.Call, during window: MeasurementWindow) async -> CallerOutcome {
        var outcome = CallerOutcome()
        while true {
            let begin = ContinuousClock.now
            guard begin < window.end else { break }
            do {
                try await call()
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
