import Foundation
import GRPCCore
import PorticoAPI
import PostgresNIO
@testable import PorticoServer
import Testing

/// Cost lines held under the cap by the database, the quote-needed flag, and NTE
/// increases (Schema/README.md rules 9 and 12), through the generated clients.
@Suite struct WorkOrderCostsTests {
    @Test func linesCarryTheTenantsMarkupAndStopAtTheCapSayingByHowMuch() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            try await server.setMarkup(1500, token: scene.admin)
            let order = try await server.activeWorkOrder(scene, cap: money(50_000))
            // 2.5 h at 40.00: cost 100.00, billable 115.00 with 15%.
            let labour = try await server.addCostLine(
                .labour, "Call-out and repair", quantityMilli: 2500, unitCost: money(4000), to: order.id, token: scene.tech
            )
            #expect(labour.cost == money(10_000) && labour.billable == money(11_500))
            #expect(labour.markupBasisPoints == 1500 && labour.kind == .labour && !labour.addedByName.isEmpty)
            // Parts: 3 × 99.99 = 299.97, billable 344.97 (rounded half up from 344.9655).
            let parts = try await server.addCostLine(.parts, "Copper fittings", quantityMilli: 3000, unitCost: money(9999), to: order.id, token: scene.admin)
            #expect(parts.cost == money(29_997) && parts.billable == money(34_497))
            // 115.00 + 344.97 = 459.97 of 500.00: a line billing 46.00 goes 5.97 over.
            let refused = await rpcError {
                try await server.addCostLine(.parts, "Valve", unitCost: money(4000), to: order.id, token: scene.tech)
            }
            #expect(refused?.code == .failedPrecondition)
            #expect(refused?.message == "the line (USD 46.00 billable) would take the work order USD 5.97 over its NTE cap of USD 500.00; flag \"quote needed\" or request an NTE increase")
            // Exactly to the cap fits: 34.81 bills 40.03.
            _ = try await server.addCostLine(.parts, "Washer", quantityMilli: 1000, unitCost: money(3481), to: order.id, token: scene.tech)
            let list = try await server.costLines(of: order.id, token: scene.admin)
            #expect(list.costLines.map(\.description_) == ["Call-out and repair", "Copper fittings", "Washer"])
            #expect(list.billableTotal == money(50_000) && list.nteRemaining == money(0) && list.nteCap == money(50_000))
            #expect(list.costTotal == money(10_000 + 29_997 + 3481))
            // A new markup applies to new lines only.
            try await server.setMarkup(0, token: scene.admin)
            #expect(try await server.costLines(of: order.id, token: scene.tech).costLines.first?.markupBasisPoints == 1500)
        }
    }

    @Test func costLinesAreTheContractorsAlone() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: nil)
            _ = try await server.addCostLine(unitCost: money(1000), to: order.id, token: scene.admin)
            for token in [scene.owner, scene.member] {
                #expect(await statusCode { try await server.costLines(of: order.id, token: token) } == .permissionDenied)
            }
            // Another technician, another tenant's admin: NOT_FOUND.
            let otherTech = try await server.signedInTech(in: scene.tenant)
            #expect(await statusCode { try await server.costLines(of: order.id, token: otherTech) } == .notFound)
            #expect(await statusCode { try await server.addCostLine(unitCost: money(1), to: order.id, token: otherTech) } == .notFound)
            #expect(await statusCode { try await server.costLines(of: order.id, token: scene.otherTenantAdmin) } == .notFound)
            // Without a cap, lines are not limited, but keep to one currency.
            let euro = await rpcError { try await server.addCostLine(unitCost: money(1000, "EUR"), to: order.id, token: scene.admin) }
            #expect(euro?.code == .invalidArgument && euro?.message == "unit_cost.currency_code: the work order is in USD")
        }
    }

    @Test func twentyConcurrentLinesNeverPassTheCap() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: money(10_000))
            // Each bills 7.00; 14 fit under 100.00, and exactly 14 may go in.
            let results = await withTaskGroup(of: RPCError.Code?.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        await statusCode {
                            try await server.addCostLine(.parts, "Part \(index)", unitCost: money(700), to: order.id, token: index.isMultiple(of: 2) ? scene.tech : scene.admin)
                        }
                    }
                }
                return await group.reduce(into: [RPCError.Code?]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == nil }.count == 14)
            #expect(results.filter { $0 == .failedPrecondition }.count == 6)
            let list = try await server.costLines(of: order.id, token: scene.admin)
            #expect(list.costLines.count == 14 && list.billableTotal == money(9800))
        }
    }

    @Test func anApprovedIncreaseRaisesTheCapAndReturnsTheWorkOrderToWhereItWas() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: money(10_000))
            _ = try await server.addCostLine(unitCost: money(9000), to: order.id, token: scene.tech)
            #expect(await statusCode { try await server.addCostLine(unitCost: money(5000), to: order.id, token: scene.tech) } == .failedPrecondition)
            let flagged = try await server.flagQuoteNeeded(order.id, token: scene.tech)
            #expect(flagged.quoteNeeded)

            // Bad requests change nothing.
            #expect(await statusCode { try await server.requestIncrease(order.id, to: money(9000), token: scene.admin) } == .invalidArgument)
            #expect(await statusCode { try await server.requestIncrease(order.id, to: money(20_000, "EUR"), token: scene.admin) } == .invalidArgument)
            #expect(await statusCode { try await server.requestIncrease(order.id, to: money(20_000), reason: " ", token: scene.admin) } == .invalidArgument)
            #expect(await statusCode { try await server.decideIncrease(order.id, approve: true, token: scene.owner) } == .failedPrecondition)

            let filed = try await server.requestIncrease(order.id, to: money(20_000), token: scene.admin)
            #expect(filed.workOrder.status == .pendingAuthorization && !filed.workOrder.quoteNeeded)
            #expect(filed.nteIncrease.status == .pending && filed.nteIncrease.previousCap == money(10_000))
            // Only one waits at a time; the member may not decide; another company's owner does not see it.
            #expect(await statusCode { try await server.requestIncrease(order.id, to: money(30_000), token: scene.admin) } == .failedPrecondition)
            #expect(await statusCode { try await server.decideIncrease(order.id, approve: true, token: scene.member) } == .permissionDenied)
            #expect(await statusCode { try await server.decideIncrease(order.id, approve: true, token: scene.otherOwner) } == .notFound)
            // The owner sees the quote; a member and the technician see neither it nor the cap.
            #expect(try await server.getWorkOrder(order.id, token: scene.owner).nteIncreases.map(\.requestedCap) == [money(20_000)])
            #expect(try await server.getWorkOrder(order.id, token: scene.member).nteIncreases.isEmpty)
            #expect(try await server.getWorkOrder(order.id, token: scene.tech).nteIncreases.isEmpty)

            let decided = try await server.decideIncrease(order.id, approve: true, token: scene.owner)
            #expect(decided.workOrder.status == .active && decided.workOrder.nteCap == money(20_000))
            #expect(decided.nteIncrease.status == .approved && !decided.nteIncrease.decidedByName.isEmpty)
            _ = try await server.addCostLine(unitCost: money(5000), to: order.id, token: scene.tech)

            // A rejection leaves the cap; both decisions are in the history.
            _ = try await server.requestIncrease(order.id, to: money(50_000), token: scene.admin)
            let rejected = try await server.decideIncrease(order.id, approve: false, token: scene.owner)
            #expect(rejected.workOrder.status == .active && rejected.workOrder.nteCap == money(20_000))
            let history = try await server.getWorkOrder(order.id, token: scene.member).history
            #expect(history.suffix(4).map(\.note) == [
                "NTE increase requested", "NTE increase approved", "NTE increase requested", "NTE increase rejected",
            ])

            // Cancelled while an increase waits: the increase is withdrawn, not left pending.
            _ = try await server.requestIncrease(order.id, to: money(60_000), token: scene.admin)
            _ = try await server.cancelWorkOrder(order.id, note: "Client sold the building", token: scene.admin)
            let increases = try await server.getWorkOrder(order.id, token: scene.owner).nteIncreases
            #expect(increases.map(\.status) == [.approved, .rejected, .withdrawn])
            #expect(await statusCode { try await server.decideIncrease(order.id, approve: true, token: scene.owner) } == .failedPrecondition)
        }
    }

    /// The owner's decision in SQL: only to the waiting increase's amount, only once.
    @Test func theDatabaseHoldsTheOwnersDecisionToTheQuote() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: money(10_000))
            _ = try await server.requestIncrease(order.id, to: money(20_000), token: scene.admin)
            let owner = try await server.whoAmI(scene.owner).principal
            let context = DatabaseContext(
                tenantID: scene.tenant, userID: UUID(uuidString: owner.userId)!, role: .owner, clientID: scene.client
            )
            let id = UUID(uuidString: order.id)!
            try await withDatabase(server.database.app) { app async throws in
                let greedy: PostgresQuery = """
                    UPDATE portico.work_orders SET status = 'ACTIVE', resume_status = NULL, nte_cap_minor = 99999999
                    WHERE id = \(id)
                    """
                let error = await #expect(throws: (any Error).self) { try await app.affectedRows(greedy, context: context) }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            _ = try await server.decideIncrease(order.id, approve: true, token: scene.owner)
            try await withDatabase(server.database.app) { app async throws in
                let redecide: PostgresQuery = "UPDATE portico.nte_increases SET status = 'REJECTED' WHERE work_order_id = \(id)"
                #expect(try await app.affectedRows(redecide, context: context) == 0)
            }
            #expect(try await server.getWorkOrder(order.id, token: scene.owner).nteIncreases.map(\.status) == [.approved])
        }
    }

    /// A capless work order's increase is in its lines' currency and above what they
    /// bill; approved after the technician was taken off, it reopens as OPEN.
    @Test func anIncreaseFitsTheLinesAndResumesWhereItCan() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: nil)
            _ = try await server.addCostLine(unitCost: money(5000), to: order.id, token: scene.tech)
            let euro = await rpcError { try await server.requestIncrease(order.id, to: money(90_000, "EUR"), token: scene.admin) }
            #expect(euro?.code == .invalidArgument && euro?.message == "requested_cap.currency_code: the work order is in USD")
            let low = await rpcError { try await server.requestIncrease(order.id, to: money(4000), token: scene.admin) }
            #expect(low?.message == "requested_cap.amount_minor: must be at least what the cost lines bill already")
            _ = try await server.requestIncrease(order.id, to: money(9000), token: scene.admin)
            _ = try await server.assign(order.id, tech: "", fields: workOrderFields("Burst pipe"), token: scene.admin)
            let decided = try await server.decideIncrease(order.id, approve: true, token: scene.owner)
            #expect(decided.workOrder.status == .open && decided.workOrder.nteCap == money(9000))
        }
    }

    @Test func badCostLinesAreRefusedNamingTheFieldAndWriteNothing() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let order = try await server.activeWorkOrder(scene, cap: nil)
            func attempt(_ change: (inout Portico_V1_AddCostLineRequest) -> Void) async -> RPCError? {
                var request = Portico_V1_AddCostLineRequest()
                request.workOrderId = order.id
                request.kind = .parts
                request.description_ = "Part"
                request.quantityMilli = 1000
                request.unitCost = money(100)
                change(&request)
                let call = request
                return await rpcError { try await server.workOrders.addCostLine(call, metadata: bearer(scene.admin)) }
            }
            let cases: [(String, (inout Portico_V1_AddCostLineRequest) -> Void)] = [
                ("kind", { $0.kind = .unspecified }),
                ("kind", { $0.kind = .unrecognized(9) }),
                ("description", { $0.description_ = "  " }),
                ("description", { $0.description_ = String(repeating: "x", count: 501) }),
                ("quantity_milli", { $0.quantityMilli = 0 }),
                ("quantity_milli", { $0.quantityMilli = -5 }),
                ("quantity_milli", { $0.quantityMilli = 10_000_001 }),
                ("unit_cost", { $0.clearUnitCost() }),
                ("unit_cost.amount_minor", { $0.unitCost = money(-1) }),
                ("unit_cost.amount_minor", { $0.unitCost = money(1_000_000_000_001) }),
                ("unit_cost.currency_code", { $0.unitCost = money(100, "usd") }),
                ("work_order_id", { $0.workOrderId = "nope" }),
            ]
            for (field, change) in cases {
                let error = await attempt(change)
                #expect(error?.code == .invalidArgument, "\(field)")
                #expect(error?.message.hasPrefix(field) == true, "\(field): \(String(describing: error?.message))")
            }
            #expect(try await server.costLines(of: order.id, token: scene.admin).costLines.isEmpty)
            // The largest line passes without overflowing anything.
            let largest = try await server.addCostLine(quantityMilli: 10_000_000, unitCost: money(1_000_000_000_000), to: order.id, token: scene.admin)
            #expect(largest.cost == money(10_000_000_000_000_000))
        }
    }

    @Test func settingsAreValidated() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            for (markup, zone, field) in [(Int32(-1), "UTC", "settings.markup_basis_points"), (100_001, "UTC", "settings.markup_basis_points"), (0, "Mars/Olympus", "settings.time_zone")] {
                let error = await rpcError { try await server.setMarkup(markup, timeZone: zone, token: scene.admin) }
                #expect(error?.code == .invalidArgument && error?.message.hasPrefix(field) == true)
            }
            try await server.setMarkup(2000, timeZone: "Europe/Berlin", token: scene.admin)
            let settings = try await server.tenantSettings.getTenantSettings(.init(), metadata: bearer(scene.admin)).settings
            #expect(settings.markupBasisPoints == 2000 && settings.timeZone == "Europe/Berlin")
            #expect(await statusCode { try await server.tenantSettings.getTenantSettings(.init(), metadata: bearer(scene.owner)) } == .permissionDenied)
        }
    }
}

extension TestServer {
    /// A second technician of `tenant`, signed in.
    func signedInTech(in tenant: UUID) async throws -> String {
        let name = "Tech \(UUID().uuidString.prefix(4))"
        let user = try await fixtures.user(displayName: name)
        try await fixtures.membership(user: user.id, tenant: tenant, role: .tech, client: nil, displayName: name)
        return try await signIn(email: user.email)
    }
}
