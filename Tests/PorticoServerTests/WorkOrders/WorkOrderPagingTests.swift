import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Keyset paging at scale: 100,000 work orders, each listed exactly once while
/// requests keep arriving.
@Suite struct WorkOrderPagingTests {
    /// Several statuses are merged newest first across pages, each work order once,
    /// whatever order and repetition the request names them in.
    @Test func severalStatusesPageAsOneList() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Tower"), client: scene.client, token: scene.admin)
            let statuses = ["OPEN", "ON_HOLD", "ACTIVE", "OPEN", "CLOSED", "ON_HOLD", "ON_HOLD", "OPEN", "ACTIVE", "OPEN", "ON_HOLD"]
            for (index, status) in statuses.enumerated() {
                try await server.fixtures.execute(
                    """
                    INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status)
                    VALUES (\(scene.tenant), \(Int64(1001 + index)), \(scene.client), \(UUID(uuidString: site.id)!),
                        'Job', 'GENERAL', 'NORMAL', \(status))
                    """
                )
            }
            let expected = statuses.enumerated().reversed().filter { ["OPEN", "ON_HOLD"].contains($0.element) }.map { "WO-\(1001 + $0.offset)" }
            for pageSize: Int32 in [1, 2, 3, 50] {
                var request = Portico_V1_ListWorkOrdersRequest()
                request.statuses = [.onHold, .open, .onHold]
                request.page.pageSize = pageSize
                let pages = try await server.workOrderNumberPages(request, token: scene.member)
                #expect(pages.flatMap { $0 } == expected, "page size \(pageSize)")
                #expect(pages.dropLast().allSatisfy { $0.count == Int(pageSize) })
            }
        }
    }

    @Test func oneHundredThousandWorkOrdersAreEachListedOnceWithConcurrentInserts() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Tower"), client: scene.client, token: scene.admin)
            let count = 100_000
            try await server.fixtures.execute(
                """
                INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status)
                SELECT \(scene.tenant), n, \(scene.client), \(UUID(uuidString: site.id)!), 'Job ' || n, 'GENERAL', 'NORMAL',
                    (ARRAY['OPEN', 'ACTIVE', 'REQUESTED', 'CLOSED'])[1 + n % 4]
                FROM generate_series(1, \(count)) AS n
                """
            )
            try await server.fixtures.execute(
                "INSERT INTO portico.work_order_counters (tenant_id, last_number) VALUES (\(scene.tenant), \(Int64(count)))"
            )
            try await server.fixtures.execute("ANALYZE portico.work_orders")

            // Requests arrive while the admin pages through, 500 at a time.
            let inserting = Task {
                var numbers: [String] = []
                while !Task.isCancelled {
                    // The call in flight when the paging ends is cancelled with the task.
                    guard let order = try? await server.submitRequest(at: site.id, workOrderFields("Live"), token: scene.member) else { break }
                    numbers.append(order.number)
                }
                return numbers
            }
            var request = Portico_V1_ListWorkOrdersRequest()
            request.page.pageSize = 500
            let pages = try await server.workOrderNumberPages(request, token: scene.admin)
            inserting.cancel()
            let inserted = await inserting.value

            let listed = pages.flatMap { $0 }.compactMap { Int($0.dropFirst(3)) }
            #expect(Set(listed).count == listed.count, "a work order was listed twice")
            let old = listed.filter { $0 <= count }
            #expect(old.count == count && old == old.sorted(by: >))
            // Newer work orders come before the old ones, never in between.
            #expect(listed.prefix(listed.count - count).allSatisfy { $0 > count })
            #expect(pages.count >= count / 500)
            // The concurrent requests did go in meanwhile, with the numbers after.
            #expect(!inserted.isEmpty && inserted.allSatisfy { Int($0.dropFirst(3))! > count })
        }
    }
}
