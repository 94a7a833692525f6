import Foundation
import GRPCCore
import LocalPostgres
import Logging
import PorticoAPI
@testable import PorticoServer
import Testing

/// Schema/README.md's error contract: database down → UNAVAILABLE and NOT_SERVING, and the
/// server recovers by itself when it returns; a WatchWorkOrders stream open meanwhile
/// does not hang but gets RELIST once the listener is back. The server reaches a cluster
/// of its own through a TCP forwarder, so the cluster can stop and come back on another
/// port.
@Suite struct DatabaseOutageServerTests {
    @Test func anOutageIsReportedAndTheServerRecoversByItself() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("portico-outage-\(UUID().uuidString.prefix(8))").path
        let installation = try await PostgresInstallation.locate()
        let cluster = LocalPostgresCluster(dataDirectory: folder, installation: installation, isEphemeral: true)
        let first = try await cluster.start(logger: quietLogger)
        let forwarder = try await TCPForwarder.start(forwardingTo: first.app.port)
        var app = first.app
        app.port = forwarder.port
        var owner = first.owner
        owner.port = forwarder.port
        do {
            try await run(forwarder: forwarder, cluster: cluster, first: first, app: app, owner: owner)
        } catch {
            await forwarder.close()
            try? await first.stop()
            throw error
        }
        await forwarder.close()
    }

    private func run(
        forwarder: TCPForwarder, cluster: LocalPostgresCluster, first: RunningPostgresCluster,
        app: PostgresConnectionSettings, owner: PostgresConnectionSettings
    ) async throws {
        try await withTestServer(configure: { $0.database = .external(appURL: app.url, ownerURL: owner.url) }) { server in
            let token = try await server.signIn(email: "operator@portico.test", password: Fixtures.operatorPassword)
            #expect(try await server.whoAmI(token).principal.membership.role == .operator)
            // An admin of a new tenant watches work orders across the outage.
            let watch = try await WatchRecording.start(on: server, token: try await newTenantAdmin(server, operatorToken: token))
            defer { watch.cancel() }

            try await first.stop()
            #expect(try await eventually { try await server.healthStatus() == .notServing })
            var seen: [RPCError?] = []
            let unavailable = try await eventually {
                let error = await rpcError { try await server.whoAmI(token) }
                seen.append(error)
                return error?.code == .unavailable
            }
            #expect(unavailable, "statuses seen: \(seen.suffix(3))")
            // Calls queued behind a failing session lookup fail with it, all UNAVAILABLE and
            // soon. That they share the one wait for a connection (5 s) instead of queueing
            // for a second is LookupBatcherTests' exact check; this bound only has to tell
            // "soon" from a pile-up of waits, with room for a loaded 2-core CI machine.
            let started = ContinuousClock.now
            let codes = await withTaskGroup(of: RPCError.Code?.self) { group in
                for _ in 0..<8 { group.addTask { await statusCode { try await server.whoAmI(token) } } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes == Array(repeating: .unavailable, count: 8))
            #expect(ContinuousClock.now - started < .seconds(30))

            let second = try await cluster.start(logger: quietLogger)
            forwarder.retarget(to: second.app.port)
            #expect(try await eventually { try await server.healthStatus() == .serving })
            #expect(try await eventually { await statusCode { try await server.whoAmI(token) } == nil })
            // The watch did not hang: its listener reconnected and asked it to list again.
            #expect(try await watch.next(within: .seconds(30))?.kind == .relist)
            try await second.stop()
        }
    }

    /// A tenant's first admin, signed in with the password from their invite email (the
    /// server's database is not the fixtures', so only the API and the spool are used).
    private func newTenantAdmin(_ server: TestServer, operatorToken: String) async throws -> String {
        var create = Portico_V1_CreateTenantRequest()
        create.name = "Outage Tenant"
        create.adminName = "Olga Admin"
        create.adminEmail = "olga@outage.example"
        _ = try await server.operators.createTenant(create, metadata: bearer(operatorToken))
        var password: String?
        _ = try await eventually {
            password = try server.mailSpool.messages(to: "olga@outage.example").compactMap(TestServer.temporaryPassword(in:)).last
            return password != nil
        }
        let temporary = try #require(password)
        let first = try await server.signIn(email: "olga@outage.example", password: temporary)
        _ = try await server.changePassword(token: first, from: temporary, to: "olga's own long password")
        return try await server.signIn(email: "olga@outage.example", password: "olga's own long password")
    }
}

extension TestServer {
    func healthStatus() async throws -> Grpc_Health_V1_HealthCheckResponse.ServingStatus {
        try await health.check(Grpc_Health_V1_HealthCheckRequest()).status
    }
}

/// Polls `condition` until it holds, for at most `limit`.
func eventually(within limit: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(200))
    }
    return false
}
