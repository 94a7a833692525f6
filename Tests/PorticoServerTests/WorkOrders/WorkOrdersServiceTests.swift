import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// `portico.v1.WorkOrders` through the generated client against a real server and
/// database: the seed's story, the lifecycle, scoping, numbering, and bad input.
@Suite struct WorkOrdersServiceTests {
    /// Rules 5, 12 and 14 and the lifecycle, following the seed: work orders exist
    /// before the client's users do, a member's request is accepted with the
    /// profile's cap, a technician works it, the office completes it.
    @Test func aRequestGoesThroughTheLifecycleWithItsCapAndHistory() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            _ = try await server.setNteProfile(
                nteProfileRequest(client: scene.client, default: money(50_000), trades: [(.plumbing, money(75_000))]),
                token: scene.admin
            )
            let first = try await server.createWorkOrder(at: lobby.id, workOrderFields("Boiler service", trade: .hvac), token: scene.admin)
            #expect(first.number == "WO-1001" && first.status == .open)
            #expect(first.nteCap == money(50_000))
            // The owner and member see it at once (rule 5), the owner with its cap, the member without.
            #expect(try await server.getWorkOrder(first.id, token: scene.owner).workOrder.nteCap == money(50_000))
            #expect(try await server.getWorkOrder(first.id, token: scene.member).workOrder.hasNteCap == false)

            let request = try await server.submitRequest(at: lobby.id, workOrderFields("Leaking tap", description: "Room 12"), token: scene.member)
            #expect(request.number == "WO-1002" && request.status == .requested && !request.hasNteCap)
            #expect(request.clientName == "Harbor Hotels" && request.locationName == "Lobby")
            let accepted = try await server.acceptRequest(request.id, token: scene.admin)
            #expect(accepted.status == .open && accepted.nteCap == money(75_000))
            // A later profile change leaves the work order's cap as it was.
            _ = try await server.setNteProfile(nteProfileRequest(client: scene.client, default: money(1_000)), token: scene.admin)
            #expect(try await server.getWorkOrder(request.id, token: scene.admin).workOrder.nteCap == money(75_000))

            let techID = try await server.membershipID(ofSession: scene.tech)
            #expect(await statusCode { try await server.getWorkOrder(request.id, token: scene.tech) } == .notFound)
            let assigned = try await server.assign(request.id, tech: techID, fields: workOrderFields("Leaking tap", description: "Room 12"), token: scene.admin)
            #expect(assigned.assignedTechId == techID && !assigned.assignedTechName.isEmpty)
            #expect(try await server.getWorkOrder(request.id, token: scene.tech).workOrder.hasNteCap == false)
            _ = try await server.setStatus(request.id, .active, token: scene.tech)
            _ = try await server.setStatus(request.id, .onHold, note: "waiting for a valve", token: scene.tech)
            _ = try await server.setStatus(request.id, .active, token: scene.tech)
            let techCompletes = await rpcError { try await server.setStatus(request.id, .completed, token: scene.tech) }
            #expect(techCompletes?.code == .permissionDenied)
            let completed = try await server.setStatus(request.id, .completed, token: scene.admin)
            #expect(completed.status == .completed)
            let cancel = await rpcError { try await server.cancelWorkOrder(request.id, token: scene.admin) }
            #expect(cancel?.code == .failedPrecondition)
            #expect(cancel?.message == "a work order cannot go from COMPLETED to CANCELLED")

            let detail = try await server.getWorkOrder(request.id, token: scene.owner)
            #expect(detail.history.map(\.toStatus) == [.requested, .open, .active, .onHold, .active, .completed])
            #expect(detail.history.map(\.fromStatus) == [.unspecified, .requested, .open, .active, .onHold, .active])
            #expect(detail.history[3].note == "waiting for a valve")
            #expect(detail.history.allSatisfy { !$0.byName.isEmpty })
        }
    }

    @Test func illegalMovesNameBothStatesAndChangeNothing() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let open = try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), token: scene.admin)
            let complete = await rpcError { try await server.setStatus(open.id, .completed, token: scene.admin) }
            #expect(complete?.code == .failedPrecondition && complete?.message == "a work order cannot go from OPEN to COMPLETED")
            let noTech = await rpcError { try await server.setStatus(open.id, .active, token: scene.admin) }
            #expect(noTech?.code == .failedPrecondition)
            let acceptOpen = await rpcError { try await server.acceptRequest(open.id, token: scene.admin) }
            #expect(acceptOpen?.message == "a work order cannot go from OPEN to OPEN")
            let closed = await rpcError { try await server.setStatus(open.id, .closed, token: scene.admin) }
            #expect(closed?.message == "a work order cannot go from OPEN to CLOSED")
            let cancelled = try await server.cancelWorkOrder(open.id, note: "duplicate", token: scene.admin)
            #expect(cancelled.status == .cancelled)
            let again = await rpcError { try await server.cancelWorkOrder(open.id, token: scene.admin) }
            #expect(again?.message == "a work order cannot go from CANCELLED to CANCELLED")
            let edit = await rpcError { try await server.assign(open.id, tech: "", fields: workOrderFields("Other"), token: scene.admin) }
            #expect(edit?.code == .failedPrecondition)
            let detail = try await server.getWorkOrder(open.id, token: scene.admin)
            #expect(detail.workOrder.title == "Tap")
            #expect(detail.history.map(\.toStatus) == [.open, .cancelled])
        }
    }

    @Test func workOrdersOfAnotherCompanyTenantOrTechnicianAreNotFound() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let kitchen = try await server.createLocation(locationFields("Kitchen"), client: scene.otherClient, token: scene.admin)
            let open = try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), token: scene.admin)
            for token in [scene.otherOwner, scene.otherTenantAdmin, scene.tech] {
                #expect(await statusCode { try await server.getWorkOrder(open.id, token: token) } == .notFound)
            }
            #expect(await statusCode { try await server.cancelWorkOrder(open.id, token: scene.otherTenantAdmin) } == .notFound)
            #expect(await statusCode { try await server.setStatus(open.id, .active, token: scene.tech) } == .notFound)
            // A client submits only at their own company's sites, and never at an archived one.
            #expect(await statusCode { try await server.submitRequest(at: kitchen.id, workOrderFields("X"), token: scene.member) } == .notFound)
            #expect(await statusCode { try await server.createWorkOrder(at: lobby.id, workOrderFields("X"), token: scene.otherTenantAdmin) } == .notFound)
            _ = try await server.archiveLocation(lobby.id, token: scene.owner)
            let archived = await rpcError { try await server.submitRequest(at: lobby.id, workOrderFields("X"), token: scene.owner) }
            #expect(archived?.code == .failedPrecondition)
            // Clients never change a work order (rule 14), and a technician only their own.
            #expect(await statusCode { try await server.cancelWorkOrder(open.id, token: scene.owner) } == .permissionDenied)
            #expect(await statusCode { try await server.setStatus(open.id, .active, token: scene.member) } == .permissionDenied)
            #expect(try await server.workOrderRowCount() == 1)
            #expect(try await server.workOrderNumberPages(token: scene.otherOwner) == [[]])
            #expect(try await server.workOrderNumberPages(token: scene.tech) == [[]])
            #expect(try await server.workOrderNumberPages(token: scene.member) == [["WO-1001"]])
        }
    }

    /// Rule 8: a request keeps its requester's name after the requester is removed.
    @Test func aRemovedRequestersNameStaysOnTheirRequests() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let member = try await server.whoAmI(scene.member).principal
            let request = try await server.submitRequest(at: lobby.id, workOrderFields("Tap"), token: scene.member)
            #expect(request.requestedByName == member.displayName)
            var remove = Portico_V1_RemoveUserRequest()
            remove.membershipId = member.membership.id
            _ = try await Portico_V1_Invites.Client(wrapping: server.client).removeUser(remove, metadata: bearer(scene.owner))
            let after = try await server.getWorkOrder(request.id, token: scene.admin)
            #expect(after.workOrder.requestedByName == member.displayName)
            #expect(after.history.first?.byName == member.displayName)
        }
    }

    /// Numbers are per tenant, gapless and unique under concurrency. The requests take
    /// turns on the tenant's counter, so the last of 200 waits for 199 transactions; on
    /// a loaded 2-core CI machine that can pass the 5 s wait for a pooled connection,
    /// which this test is not about.
    @Test func concurrentRequestsGetDistinctGaplessNumbers() async throws {
        try await withTestServer(configure: { $0.databaseOptions.leaseTimeout = .seconds(60) }) { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let count = 200
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await server.submitRequest(at: lobby.id, workOrderFields("Request \(index)"), token: index % 2 == 0 ? scene.owner : scene.member).number
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers) == Set((1001..<(1001 + count)).map { "WO-\($0)" }))
            // Another tenant counts on its own.
            let other = try await server.locationScene()
            let site = try await server.createLocation(locationFields("Site"), client: other.client, token: other.admin)
            #expect(try await server.createWorkOrder(at: site.id, workOrderFields("First"), token: other.admin).number == "WO-1001")
        }
    }

    @Test func listsFilterAndPageNewestFirst() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let annex = try await server.createLocation(locationFields("Annex"), client: scene.client, token: scene.admin)
            let techID = try await server.membershipID(ofSession: scene.tech)
            for (index, trade) in [Portico_V1_Trade.plumbing, .hvac, .plumbing, .electrical, .plumbing, .hvac, .roofing].enumerated() {
                let site = index % 2 == 0 ? lobby.id : annex.id
                _ = try await server.createWorkOrder(
                    at: site, workOrderFields("Job \(index)", trade: trade), tech: index == 3 ? techID : "", token: scene.admin
                )
            }
            _ = try await server.submitRequest(at: lobby.id, workOrderFields("Broken window"), token: scene.member)
            var request = Portico_V1_ListWorkOrdersRequest()
            request.page.pageSize = 3
            #expect(try await server.workOrderNumberPages(request, token: scene.admin) == [
                ["WO-1008", "WO-1007", "WO-1006"], ["WO-1005", "WO-1004", "WO-1003"], ["WO-1002", "WO-1001"],
            ])
            var plumbing = Portico_V1_ListWorkOrdersRequest()
            plumbing.trade = .plumbing
            plumbing.statuses = [.open]
            #expect(try await server.workOrderNumberPages(plumbing, token: scene.owner) == [["WO-1005", "WO-1003", "WO-1001"]])
            var requested = Portico_V1_ListWorkOrdersRequest()
            requested.statuses = [.requested, .active]
            #expect(try await server.workOrderNumberPages(requested, token: scene.admin) == [["WO-1008"]])
            var atAnnex = Portico_V1_ListWorkOrdersRequest()
            atAnnex.locationId = annex.id
            #expect(try await server.workOrderNumberPages(atAnnex, token: scene.member) == [["WO-1006", "WO-1004", "WO-1002"]])
            var search = Portico_V1_ListWorkOrdersRequest()
            search.search = "window"
            #expect(try await server.workOrderNumberPages(search, token: scene.admin) == [["WO-1008"]])
            search.search = "wo-1004"
            #expect(try await server.workOrderNumberPages(search, token: scene.admin) == [["WO-1004"]])
            #expect(try await server.workOrderNumberPages(token: scene.tech) == [["WO-1004"]])
            var byTech = Portico_V1_ListWorkOrdersRequest()
            byTech.assignedTechId = techID
            #expect(try await server.workOrderNumberPages(byTech, token: scene.admin) == [["WO-1004"]])
        }
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var fields: Portico_V1_WorkOrderFields
        var cap: Portico_V1_Money?
        var message: String
        var testDescription: String { message }
    }

    static let badInputs: [BadInput] = [
        BadInput(fields: workOrderFields("  "), message: "work_order.title: must not be empty"),
        BadInput(fields: workOrderFields(String(repeating: "t", count: 201)), message: "work_order.title: must be at most 200 characters"),
        BadInput(fields: workOrderFields("Tap", description: String(repeating: "d", count: 100_000)), message: "work_order.description: must be at most 10000 characters"),
        BadInput(fields: workOrderFields("Tap", trade: .unspecified), message: "work_order.trade: must be set"),
        BadInput(fields: workOrderFields("Tap", trade: .unrecognized(99)), message: "work_order.trade: is not a known trade"),
        BadInput(fields: workOrderFields("Tap", priority: .unrecognized(42)), message: "work_order.priority: is not a known priority"),
        BadInput(fields: workOrderFields("Tap"), cap: money(-100), message: "nte_cap.amount_minor: must be more than zero"),
        BadInput(fields: workOrderFields("Tap"), cap: money(Int64.max), message: "nte_cap.amount_minor: must be at most 1000000000000"),
        BadInput(fields: workOrderFields("Tap"), cap: money(100, "dollars"), message: "nte_cap.currency_code: must be an ISO 4217 code in upper case, like USD"),
    ]

    @Test(arguments: badInputs)
    func badInputIsInvalidArgumentNamingTheFieldAndWritesNothing(_ bad: BadInput) async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let error = await rpcError { try await server.createWorkOrder(at: lobby.id, bad.fields, cap: bad.cap, token: scene.admin) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message == bad.message)
            if bad.cap == nil {
                let submitted = await rpcError { try await server.submitRequest(at: lobby.id, bad.fields, token: scene.member) }
                #expect(submitted?.message == bad.message)
            }
            #expect(try await server.workOrderRowCount() == 0)
            // No number was used up: the next work order is still the first.
            #expect(try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), token: scene.admin).number == "WO-1001")
        }
    }

    @Test func unknownStatusesAndMalformedIdsAreInvalidArgument() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let open = try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), token: scene.admin)
            let unknown = await rpcError { try await server.setStatus(open.id, .unrecognized(77), token: scene.admin) }
            #expect(unknown?.code == .invalidArgument && unknown?.message == "status: is not a known status")
            let unset = await rpcError { try await server.setStatus(open.id, .unspecified, token: scene.admin) }
            #expect(unset?.message == "status: must be set")
            let badID = await rpcError { try await server.getWorkOrder("WO-1001", token: scene.admin) }
            #expect(badID?.code == .invalidArgument && badID?.message == "work_order_id: must be a work order id")
            let badTech = await rpcError { try await server.createWorkOrder(at: lobby.id, workOrderFields("X"), tech: scene.client.uuidString, token: scene.admin) }
            #expect(badTech?.code == .notFound && badTech?.message == "assigned_tech_id: technician not found")
            var list = Portico_V1_ListWorkOrdersRequest()
            list.statuses = [.open, .unrecognized(12)]
            let badList = await rpcError { try await server.workOrders.listWorkOrders(list, metadata: bearer(scene.admin)) }
            #expect(badList?.message == "statuses[1]: is not a known status")
            #expect(try await server.workOrderRowCount() == 1)
        }
    }
}
