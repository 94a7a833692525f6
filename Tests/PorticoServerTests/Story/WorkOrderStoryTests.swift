import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// The seed's story for work orders, end to end through the generated clients: a
/// contractor's work exists before its client has any user (rule 5), requests, caps,
/// costs held under the cap, an increase, comments, completion, sign-off, reopen and
/// cancel.
@Suite struct WorkOrderStoryTests {
    @Test func fromAContractorsFirstWorkOrderToSignOffAndReopen() async throws {
        try await withTestServer { server in
            // The operator creates the tenant; its admin signs in with the emailed password.
            var create = Portico_V1_CreateTenantRequest()
            create.name = "Acme Facilities"
            create.adminName = "Alice Admin"
            create.adminEmail = "alice@acme.example"
            _ = try await server.operators.createTenant(create, metadata: bearer(try await server.operatorToken()))
            let adminMail = try await server.deliveredInvite(to: "alice@acme.example")
            let admin = try await server.signIn(email: "alice@acme.example", password: adminMail.password)
            _ = try await server.changePassword(token: admin, from: adminMail.password, to: "alice's own long password")
            try await server.setMarkup(1000, timeZone: "America/Chicago", token: admin)

            // 1. Locations, an NTE profile and a work order, before the client has any user.
            let clientID = try await server.storyClient(named: "Harbor Hotels", adminToken: admin)
            let lobby = try await server.createLocation(locationFields("Lobby"), client: clientID, token: admin)
            let kitchen = try await server.createLocation(locationFields("Kitchen"), client: clientID, token: admin)
            _ = try await server.setNteProfile(
                nteProfileRequest(
                    client: clientID, default: money(30_000), trades: [(.plumbing, money(50_000))],
                    locations: [(kitchen.id, .plumbing, money(20_000))]
                ),
                token: admin
            )
            let early = try await server.createWorkOrder(at: lobby.id, workOrderFields("Repaint lobby", trade: .painting), token: admin)
            #expect(early.number == "WO-1001" && early.nteCap == money(30_000))

            // 2. The owner is invited and sees that work order at first sign-in.
            _ = try await server.inviteOwner(client: clientID, name: "Olivia Owner", email: "olivia@harbor.example", token: admin)
            let ownerMail = try await server.deliveredInvite(to: "olivia@harbor.example")
            let owner = try await server.signIn(email: "olivia@harbor.example", password: ownerMail.password)
            _ = try await server.changePassword(token: owner, from: ownerMail.password, to: "olivia's own long password")
            #expect(try await server.workOrderNumberPages(token: owner) == [["WO-1001"]])

            // 3. A member submits a request; the admin accepts it with the profile's cap.
            _ = try await server.inviteMember(name: "Max Member", email: "max@harbor.example", token: owner)
            let memberMail = try await server.deliveredInvite(to: "max@harbor.example")
            let member = try await server.signIn(email: "max@harbor.example", password: memberMail.password)
            _ = try await server.changePassword(token: member, from: memberMail.password, to: "max's own long password")
            let request = try await server.submitRequest(at: kitchen.id, workOrderFields("Sink drains slowly", description: "Prep sink"), token: member)
            #expect(request.status == .requested && request.requestedByName == "Max Member")
            let accepted = try await server.acceptRequest(request.id, token: admin)
            #expect(accepted.status == .open && accepted.nteCap == money(20_000))

            // 4. A technician is assigned and adds cost lines up to the cap, refused past it.
            _ = try await server.inviteTech(name: "Tom Tech", email: "tom@acme.example", token: admin)
            let techMail = try await server.deliveredInvite(to: "tom@acme.example")
            let tech = try await server.signIn(email: "tom@acme.example", password: techMail.password)
            _ = try await server.changePassword(token: tech, from: techMail.password, to: "tom's own long password")
            let techID = try await server.membershipID(ofSession: tech)
            _ = try await server.assign(request.id, tech: techID, fields: workOrderFields("Sink drains slowly", description: "Prep sink"), token: admin)
            _ = try await server.setStatus(request.id, .active, token: tech)
            // 1.5 h at 60.00 = 90.00, billed 99.00 with 10%; parts 80.00, billed 88.00.
            _ = try await server.addCostLine(.labour, "Snake the drain", quantityMilli: 1500, unitCost: money(6000), to: request.id, token: tech)
            _ = try await server.addCostLine(.parts, "P-trap", unitCost: money(8000), to: request.id, token: tech)
            let over = await rpcError { try await server.addCostLine(.parts, "New faucet", unitCost: money(4000), to: request.id, token: tech) }
            #expect(over?.code == .failedPrecondition)
            #expect(over?.message.contains("USD 31.00 over its NTE cap of USD 200.00") == true)
            _ = try await server.flagQuoteNeeded(request.id, note: "The faucet is cracked too", token: tech)

            // 5. An increase; the owner approves; the line now fits.
            _ = try await server.requestIncrease(request.id, to: money(30_000), reason: "Replace the cracked faucet", token: admin)
            #expect(try await server.getWorkOrder(request.id, token: member).workOrder.status == .pendingAuthorization)
            let approved = try await server.decideIncrease(request.id, approve: true, token: owner)
            #expect(approved.workOrder.status == .active && approved.workOrder.nteCap == money(30_000))
            _ = try await server.addCostLine(.parts, "New faucet", unitCost: money(4000), to: request.id, token: tech)
            #expect(try await server.costLines(of: request.id, token: admin).billableTotal == money(9900 + 8800 + 4400))

            // 6. Comments, completion, sign-off; reopen inside the window, and after it.
            _ = try await server.addComment("Is the kitchen usable tonight?", to: request.id, token: member)
            _ = try await server.addComment("Yes, from 6 pm.", to: request.id, token: tech)
            #expect(try await server.commentPages(of: request.id, token: owner).flatMap { $0 }.map(\.body) == [
                "Quote needed: The faucet is cracked too", "Is the kitchen usable tonight?", "Yes, from 6 pm.",
            ])
            _ = try await server.setStatus(request.id, .completed, token: admin)
            let signed = try await server.signOff(request.id, token: member)
            #expect(signed.status == .closed && signed.signedOffByName == "Max Member")
            #expect(try await server.reopen(request.id, reason: "Drains slowly again", token: owner).status == .active)
            _ = try await server.setStatus(request.id, .completed, token: admin)
            try await server.fixtures.execute(
                "UPDATE portico.work_orders SET close_due_at = now() - interval '1 second' WHERE id = \(UUID(uuidString: request.id)!)"
            )
            #expect(await statusCode { try await server.reopen(request.id, token: owner) } == .failedPrecondition)

            // The early work order is cancelled; the whole story is in the history.
            #expect(try await server.cancelWorkOrder(early.id, note: "Client postponed", token: admin).status == .cancelled)
            let history = try await server.getWorkOrder(request.id, token: member).history.map(\.toStatus)
            #expect(history == [.requested, .open, .active, .pendingAuthorization, .active, .completed, .closed, .active, .completed])
            // What the member sees never holds a cost: no cap, no increase.
            let seen = try await server.getWorkOrder(request.id, token: member)
            #expect(!seen.workOrder.hasNteCap && seen.nteIncreases.isEmpty)
        }
    }
}
