import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
import PostgresNIO
@testable import PorticoServer
import Testing

/// WatchWorkOrders: live across instances, scoped like reading, never held up by a
/// slow subscriber, ended with the session, and RELIST after a lost listener.
@Suite struct WorkOrderWatchTests {
    @Test func aChangeOnOneInstanceReachesItsCompanyOnAnotherWithinASecond() async throws {
        try await withTestServer { first in
            let scene = try await first.locationScene()
            let site = try await first.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let otherSite = try await first.createLocation(locationFields("Kitchen"), client: scene.otherClient, token: scene.admin)
            try await withTestServer(sharing: first.database) { second in
                try await second.waitUntilWatchListens()
                let owner = try await WatchRecording.start(on: second, token: scene.owner)
                let other = try await WatchRecording.start(on: second, token: scene.otherOwner)
                let tech = try await WatchRecording.start(on: second, token: scene.tech)
                defer { owner.cancel(); other.cancel(); tech.cancel() }

                let started = ContinuousClock.now
                let created = try await first.createWorkOrder(at: site.id, workOrderFields("Broken door"), token: scene.admin)
                let event = try #require(try await owner.next(within: .seconds(1)))
                #expect(ContinuousClock.now - started < .seconds(1))
                #expect(event.kind == .created && event.workOrderId == created.id && event.number == created.number)

                // A comment by the member, through the second instance, is a COMMENT event.
                _ = try await second.addComment("Please hurry", to: created.id, token: scene.member)
                #expect(try await owner.next(within: .seconds(1))?.kind == .comment)

                // The other company's owner heard nothing of it: their first event is their own.
                #expect(try await other.next(within: .milliseconds(300)) == nil)
                let theirs = try await first.createWorkOrder(at: otherSite.id, workOrderFields("Oven"), token: scene.admin)
                #expect(try await other.next(within: .seconds(2))?.workOrderId == theirs.id)
                // Nor did the technician, until they were assigned.
                #expect(try await tech.next(within: .milliseconds(100)) == nil)
                let techID = try await first.membershipID(ofSession: scene.tech)
                _ = try await first.assign(created.id, tech: techID, fields: workOrderFields("Broken door"), token: scene.admin)
                let assigned = try await tech.next(within: .seconds(2))
                #expect(assigned?.kind == .assignment && assigned?.workOrderId == created.id)
            }
        }
    }

    /// End to end: a subscriber that stops reading costs a fast one nothing. (gRPC's
    /// client keeps reading into its own buffer, so a test client cannot make the
    /// server's writes block; the overflow itself is `aSubscriberThatFallsBehindIsToldToRelist`.)
    @Test func aStalledSubscriberDoesNotDelayAFastOne() async throws {
        try await withTestServer(configure: { $0.watchBufferSize = 8 }) { server in
            try await server.waitUntilWatchListens()
            let scene = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let order = try await server.createWorkOrder(at: site.id, workOrderFields("Leak"), token: scene.admin)
            let stalled = try await WatchRecording.start(on: server, token: scene.owner, stalled: true)
            let fast = try await WatchRecording.start(on: server, token: scene.admin)
            defer { stalled.cancel(); fast.cancel() }
            for index in 0..<40 {
                let started = ContinuousClock.now
                _ = try await server.addComment("Update \(index)", to: order.id, token: scene.admin)
                let event = try await fast.next(within: .seconds(1))
                #expect(event?.kind == .comment && ContinuousClock.now - started < .seconds(1), "event \(index)")
            }
        }
    }

    @Test func aSubscriberThatFallsBehindIsToldToRelist() async throws {
        let hub = WatchHub(capacity: 4)
        let scope = WatchScope(sessionID: UUID(), tenantID: UUID(), role: .admin, userID: UUID(), clientID: nil)
        let slow = hub.subscribe(scope)
        let fast = hub.subscribe(scope)
        var fastEvents = fast.makeAsyncIterator()
        for number in 1...6 {
            hub.publish(WorkOrderNotice(
                kind: "STATUS", tenantID: scope.tenantID, workOrderID: UUID(), number: Int64(number), clientID: UUID(),
                status: "ACTIVE", technician: nil, previousTechnician: nil
            ))
            #expect(try await fastEvents.next()?.number == "WO-\(number)")
        }
        var received: [String] = []
        let error = await #expect(throws: RPCError.self) {
            for try await event in slow { received.append(event.number) }
        }
        #expect(received == ["WO-1", "WO-2", "WO-3", "WO-4"])
        #expect(error?.code == .resourceExhausted)
        #expect(hub.count == 1)
    }

    /// A cancelled call leaves the hub at once, not at the next event it would get.
    @Test func aCancelledWatchLeavesTheHub() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let watches = [
                try await WatchRecording.start(on: server, token: scene.owner),
                try await WatchRecording.start(on: server, token: scene.member),
            ]
            #expect(server.server.watchHub.count == 2)
            for watch in watches { watch.cancel() }
            #expect(try await eventually(within: .seconds(10)) { server.server.watchHub.count == 0 })
        }
    }

    @Test func theStreamEndsWithTheSession() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let watch = try await WatchRecording.start(on: server, token: scene.member)
            _ = try await server.auth.logout(.init(), metadata: bearer(scene.member))
            let error = await #expect(throws: RPCError.self) { _ = try await watch.next(within: .seconds(5)) }
            #expect(error?.code == .unauthenticated)
        }
    }

    /// The listener's connection dies (as when PostgreSQL restarts): streams get RELIST,
    /// and the changes after it arrive again.
    @Test func aLostListenerGivesRelistAndRecovers() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let watch = try await WatchRecording.start(on: server, token: scene.owner)
            defer { watch.cancel() }
            let terminated = try await withDatabase(server.database.superuser) { superuser async throws in
                try await superuser.column(
                    """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND query LIKE 'LISTEN%'
                    """,
                    as: Bool.self, context: .none
                )
            }
            #expect(terminated == [true])
            let relist = try await watch.next(within: .seconds(10))
            #expect(relist?.kind == .relist)
            let created = try await server.createWorkOrder(at: site.id, workOrderFields("After"), token: scene.admin)
            #expect(try await watch.next(within: .seconds(2))?.workOrderId == created.id)
        }
    }
}
