import Foundation
import GRPCCore
import LocalPostgres
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport
import TestSupport

/// PostgreSQL stops while the server runs, then comes back. A cluster of its own (the
/// shared one must stay up), reached through a forwarder because the restarted cluster
/// listens on a new port.
@Suite("Database outage")
struct DatabaseOutageTests {
    private static let unavailable = RPCError(code: .unavailable, message: "database unavailable")

    @Test func callsFailPromptlyWhileDownAndRecoverByThemselves() async throws {
        let folder = TemporaryFolder("db-outage")
        defer { folder.remove() }
        let local = LocalPostgresCluster(
            dataDirectory: folder.path,
            installation: try await PostgresInstallation.locate(),
            isEphemeral: true
        )
        let first = try await local.start(logger: TestPostgres.logger)
        var current = first
        let forwarder = try await TCPForwarder.start(forwardingTo: first.app.port)
        do {
            try await Migrator(owner: first.owner, appRole: first.app.username, logger: testLogger).migrate()
            var app = first.app
            app.port = forwarder.port
            var options = Database.Options()
            options.leaseTimeout = .seconds(2)
            current = try await withDatabase(app, options: options) { database async throws in
                try await exerciseOutage(database, cluster: first, local: local, forwarder: forwarder)
            }
        } catch {
            await forwarder.close()
            try? await current.stop()
            throw error
        }
        await forwarder.close()
        try await current.stop()
    }

    /// Returns the restarted cluster.
    private func exerciseOutage(
        _ database: Database,
        cluster: RunningPostgresCluster,
        local: LocalPostgresCluster,
        forwarder: TCPForwarder
    ) async throws -> RunningPostgresCluster {
        #expect(try await firstSuccess(within: .seconds(10)) { try await database.query("SELECT 1") }.count == 1)
        #expect(await database.isReachable())

        // A call in flight when PostgreSQL stops fails, as UNAVAILABLE.
        async let inFlight: (any Error)? = {
            do {
                try await database.withContext(.none) { connection in
                    _ = try await connection.query("SELECT pg_sleep(30)")
                }
                return nil
            } catch {
                return error
            }
        }()
        try await Task.sleep(for: .milliseconds(300))
        try await cluster.stop()
        let inFlightError = await inFlight
        #expect(inFlightError.flatMap { PostgresErrorMapping.rpcError(for: $0) } == Self.unavailable)

        // While it is down, every call fails within seconds, again as UNAVAILABLE.
        for _ in 0..<3 {
            let started = ContinuousClock.now
            let error = await #expect(throws: (any Error).self) {
                try await database.withContext(.none) { connection in
                    _ = try await connection.query("SELECT 1")
                }
            }
            // Bounded by the 2 s lease timeout, not queued for the pool's minute; with
            // room for a loaded CI machine that delays timers by seconds.
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) } == Self.unavailable)
        }
        #expect(await database.isReachable(within: .seconds(1)) == false)

        // Back up (on a new port behind the same address): calls work again without
        // anyone touching the Database.
        let restarted = try await local.start(logger: TestPostgres.logger)
        forwarder.retarget(to: restarted.app.port)
        let recovered = try await firstSuccess(within: .seconds(20)) {
            try await database.query("SELECT 41 + 1").first?.decode(Int.self)
        }
        #expect(recovered == 42)
        #expect(await database.isReachable())
        return restarted
    }
}
