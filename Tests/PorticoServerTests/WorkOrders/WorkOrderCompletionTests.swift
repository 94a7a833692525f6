import Foundation
import GRPCCore
import PorticoAPI
import PostgresNIO
@testable import PorticoServer
import Testing

/// Completion, the client's sign-off and reopen, and the auto-close job.
@Suite struct WorkOrderCompletionTests {
    @Test func clientsSignOffAndReopenOnlyInsideTheWindow() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: nil)
            #expect(await statusCode { try await server.signOff(order.id, token: scene.member) } == .failedPrecondition)
            #expect(await statusCode { try await server.reopen(order.id, token: scene.member) } == .failedPrecondition)

            let completed = try await server.setStatus(order.id, .completed, token: scene.admin)
            #expect(completed.hasCompletedAt && completed.hasCloseDueAt)
            #expect(completed.closeDueAt.date.timeIntervalSince(completed.completedAt.date) >= 3 * 86_400)
            // Another company's owner: NOT_FOUND. A blank reason: INVALID_ARGUMENT.
            #expect(await statusCode { try await server.reopen(order.id, token: scene.otherOwner) } == .notFound)
            #expect(await statusCode { try await server.reopen(order.id, reason: " ", token: scene.member) } == .invalidArgument)
            let reopened = try await server.reopen(order.id, token: scene.member)
            #expect(reopened.status == .active && !reopened.hasCompletedAt && !reopened.hasCloseDueAt)

            _ = try await server.setStatus(order.id, .completed, token: scene.admin)
            let signed = try await server.signOff(order.id, token: scene.owner)
            #expect(signed.status == .closed && !signed.signedOffByName.isEmpty && signed.hasSignedOffAt)
            #expect(await statusCode { try await server.signOff(order.id, token: scene.owner) } == .failedPrecondition)
            // Signed off, but still inside the window: the client may change their mind.
            #expect(try await server.reopen(order.id, reason: "Dripping again", token: scene.owner).status == .active)

            // Outside the window: refused, by the server and by the database.
            _ = try await server.setStatus(order.id, .completed, token: scene.admin)
            try await server.fixtures.execute(
                "UPDATE portico.work_orders SET close_due_at = now() - interval '1 minute' WHERE id = \(UUID(uuidString: order.id)!)"
            )
            let late = await rpcError { try await server.reopen(order.id, token: scene.member) }
            #expect(late?.code == .failedPrecondition)
            #expect(late?.message.hasPrefix("a work order can be reopened only within 3 business days of its completion") == true)

            let history = try await server.getWorkOrder(order.id, token: scene.member).history
            #expect(history.map(\.toStatus).suffix(6) == [.completed, .active, .completed, .closed, .active, .completed])
            #expect(history.contains { $0.note == "Dripping again" })
        }
    }

    /// Rule 14 in the database: a client's context may make only the client's moves,
    /// and change no other column on the way.
    @Test func theDatabaseLetsClientsMakeOnlyTheirMoves() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: money(1000))
            _ = try await server.setStatus(order.id, .completed, token: scene.admin)
            let member = try await server.whoAmI(scene.member).principal
            let context = DatabaseContext(
                tenantID: scene.tenant, userID: UUID(uuidString: member.userId)!, role: .member, clientID: scene.client
            )
            let id = UUID(uuidString: order.id)!
            try await withDatabase(server.database.app) { app async throws in
                for statement: PostgresQuery in [
                    "UPDATE portico.work_orders SET title = 'Mine now' WHERE id = \(id)",
                    "UPDATE portico.work_orders SET status = 'CLOSED', signed_off_at = now(), nte_cap_minor = 99999 WHERE id = \(id)",
                    "UPDATE portico.work_orders SET status = 'CANCELLED' WHERE id = \(id)",
                    // A sign-off that moves its own reopen window, or has no signature.
                    "UPDATE portico.work_orders SET status = 'CLOSED', signed_off_at = now(), close_due_at = 'infinity' WHERE id = \(id)",
                    "UPDATE portico.work_orders SET status = 'CLOSED' WHERE id = \(id)",
                    // A reopen that keeps the window (to reopen again after it ends).
                    "UPDATE portico.work_orders SET status = 'ACTIVE' WHERE id = \(id)",
                ] {
                    let error = await #expect(throws: (any Error).self) { try await app.affectedRows(statement, context: context) }
                    #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied, "\(statement.sql)")
                }
                #expect(try await app.affectedRows(
                    "UPDATE portico.work_orders SET status = 'CLOSED', signed_off_at = now() WHERE id = \(id)", context: context
                ) == 1)
            }
        }
    }

    /// Two server instances run the job at once over 100 due work orders: each is
    /// closed exactly once, with one history entry.
    @Test func twoInstancesCloseEachDueWorkOrderOnce() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Depot"), client: scene.client, token: scene.admin)
            let location = UUID(uuidString: site.id)!
            try await server.fixtures.execute(
                """
                INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status,
                    completed_at, close_due_at)
                SELECT \(scene.tenant), 5000 + n, \(scene.client), \(location), 'Due ' || n, 'GENERAL', 'NORMAL', 'COMPLETED',
                    now() - interval '5 days', now() - interval '1 second' * n
                FROM generate_series(1, 100) AS n
                """
            )
            // One not yet due stays COMPLETED.
            let notDue = try await server.activeWorkOrder(scene, cap: nil)
            _ = try await server.setStatus(notDue.id, .completed, token: scene.admin)

            let closed = try await withDatabase(server.database.app) { first async throws in
                try await withDatabase(server.database.app) { second async throws in
                    let jobs = [first, second].map {
                        AutoCloseJob(store: WorkOrderStore(database: $0), interval: .seconds(60), logger: testLogger)
                    }
                    return await withTaskGroup(of: Int.self) { group in
                        for job in jobs { for _ in 0..<3 { group.addTask { await job.closeAllDue() } } }
                        return await group.reduce(0, +)
                    }
                }
            }
            #expect(closed == 100)
            let counts = try await server.fixtures.single(
                """
                SELECT (SELECT count(*) FROM portico.work_orders WHERE status = 'CLOSED')::text || ' '
                    || (SELECT count(*) FROM portico.work_order_events WHERE to_status = 'CLOSED')::text || ' '
                    || (SELECT count(DISTINCT work_order_id) FROM portico.work_order_events WHERE to_status = 'CLOSED')::text
                """,
                as: String.self
            )
            #expect(counts == "100 100 100")
            #expect(try await server.getWorkOrder(notDue.id, token: scene.member).workOrder.status == .completed)
        }
    }
}
