import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Keyset paging at scale: 100,000 work orders, each listed exactly once while
/// requests keep arriving.
@Suite struct WorkOrderPagingTests {
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
