import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// `portico.v1.NteProfiles` through the generated client against a real server and
/// database: who sets and reads which caps, replacement, the cap a work order takes,
/// and bad input.
@Suite struct NteProfilesServiceTests {
    @Test func anAdminSetsAProfileAndOnlyTheCompanysOwnerReadsIt() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let set = try await server.setNteProfile(
                nteProfileRequest(
                    client: scene.client, default: money(50_000),
                    trades: [(.hvac, money(120_000)), (.plumbing, money(75_000))],
                    locations: [(lobby.id, .plumbing, money(30_000))]
                ),
                token: scene.admin
            )
            #expect(set.clientName == "Harbor Hotels")
            #expect(set.defaultCap == money(50_000))
            // Trades come back in the enum's order, whatever order they were sent in.
            #expect(set.tradeCaps.map(\.trade) == [.plumbing, .hvac])
            #expect(set.tradeCaps.map(\.cap.amountMinor) == [75_000, 120_000])
            #expect(set.locationCaps.map(\.locationId) == [lobby.id])
            #expect(try await server.nteProfileList(token: scene.owner) == [[set]])
            #expect(try await server.nteProfileList(client: scene.client, token: scene.admin) == [[set]])
            // The other company's owner, and the company's member and tech, see none of it.
            #expect(try await server.nteProfilePages(token: scene.otherOwner) == [[]])
            #expect(await statusCode { try await server.nteProfilePages(client: scene.client, token: scene.otherOwner) } == .notFound)
            #expect(await statusCode { try await server.nteProfilePages(token: scene.member) } == .permissionDenied)
            #expect(await statusCode { try await server.nteProfilePages(token: scene.tech) } == .permissionDenied)
            #expect(await statusCode { try await server.setNteProfile(nteProfileRequest(client: scene.client, default: money(1)), token: scene.owner) } == .permissionDenied)
            #expect(await statusCode { try await server.nteProfilePages(client: scene.client, token: scene.otherTenantAdmin) } == .notFound)
            #expect(await statusCode { try await server.setNteProfile(nteProfileRequest(client: scene.client, default: money(1)), token: scene.otherTenantAdmin) } == .notFound)
        }
    }

    @Test func settingReplacesTheWholeProfileAndAnEmptyOneRemovesIt() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            _ = try await server.setNteProfile(
                nteProfileRequest(client: scene.client, default: money(50_000), trades: [(.hvac, money(120_000))]),
                token: scene.admin
            )
            let replaced = try await server.setNteProfile(
                nteProfileRequest(client: scene.client, trades: [(.roofing, money(9_900, "EUR"))]), token: scene.admin
            )
            #expect(!replaced.hasDefaultCap)
            #expect(replaced.tradeCaps.map(\.trade) == [.roofing])
            #expect(replaced.tradeCaps.first?.cap == money(9_900, "EUR"))
            #expect(try await server.nteCapRowCount() == 1)
            _ = try await server.setNteProfile(nteProfileRequest(client: scene.otherClient, default: money(10)), token: scene.admin)
            #expect(try await server.nteProfilePages(pageSize: 1, token: scene.admin) == [["Bay Diner"], ["Harbor Hotels"]])
            let removed = try await server.setNteProfile(nteProfileRequest(client: scene.client), token: scene.admin)
            #expect(removed.tradeCaps.isEmpty && !removed.hasDefaultCap)
            #expect(try await server.nteProfilePages(token: scene.admin) == [["Bay Diner"]])
            #expect(try await server.nteProfilePages(token: scene.owner) == [[]])
            #expect(try await server.nteCapRowCount() == 0)
        }
    }

    /// Concurrent replacements of one profile take turns: each succeeds, and the
    /// profile ends as one of them wrote it, never a mix.
    @Test func concurrentReplacementsOfOneProfileNeitherFailNorMix() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let trades: [Portico_V1_Trade] = [.plumbing, .hvac, .electrical, .roofing, .painting, .general]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, trade) in trades.enumerated() {
                    group.addTask {
                        let caps = trades.map { ($0, money(Int64(index + 1) * 1_000 + ($0 == trade ? 1 : 0))) }
                        _ = try await server.setNteProfile(nteProfileRequest(client: scene.client, trades: caps), token: scene.admin)
                    }
                }
                try await group.waitForAll()
            }
            let profile = try #require(try await server.nteProfileList(token: scene.owner).first?.first)
            let thousands = Set(profile.tradeCaps.map { $0.cap.amountMinor / 1_000 })
            #expect(profile.tradeCaps.count == trades.count)
            #expect(thousands.count == 1, "a mix of writers: \(profile.tradeCaps.map(\.cap.amountMinor))")
            #expect(try await server.nteCapRowCount() == trades.count)
        }
    }

    /// Rule 12: a work order takes its location's cap for its trade, else its trade's,
    /// else the default, else none.
    @Test func theMostSpecificCapApplies() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let annex = try await server.createLocation(locationFields("Annex"), client: scene.client, token: scene.admin)
            let lobbyID = try #require(UUID(uuidString: lobby.id)), annexID = try #require(UUID(uuidString: annex.id))
            func cap(_ location: UUID, _ trade: Portico_V1_Trade, client: UUID? = nil) async throws -> Int64? {
                try await withDatabase(server.database.app) { app in
                    try await app.withContext(DatabaseContext(tenantID: scene.tenant, role: .admin)) { connection in
                        try await NteProfileStore.applicableCap(
                            clientID: client ?? scene.client, locationID: location, trade: trade, on: connection
                        )?.minor
                    }
                }
            }
            #expect(try await cap(lobbyID, .plumbing) == nil)
            _ = try await server.setNteProfile(
                nteProfileRequest(client: scene.client, trades: [(.plumbing, money(75_000))]), token: scene.admin
            )
            #expect(try await cap(lobbyID, .hvac) == nil)
            _ = try await server.setNteProfile(
                nteProfileRequest(
                    client: scene.client, default: money(50_000), trades: [(.plumbing, money(75_000))],
                    locations: [(lobby.id, .plumbing, money(30_000))]
                ),
                token: scene.admin
            )
            #expect(try await cap(lobbyID, .plumbing) == 30_000)
            #expect(try await cap(annexID, .plumbing) == 75_000)
            #expect(try await cap(lobbyID, .hvac) == 50_000)
            // Another client's profile never applies.
            #expect(try await cap(lobbyID, .plumbing, client: scene.otherClient) == nil)
        }
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var request: @Sendable (_ client: UUID, _ location: String) -> Portico_V1_SetNteProfileRequest
        var code: RPCError.Code = .invalidArgument
        var message: String
        var testDescription: String { message }
    }

    static let badInputs: [BadInput] = [
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(0)) }, message: "default_cap.amount_minor: must be more than zero"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(-5)) }, message: "default_cap.amount_minor: must be more than zero"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(.max)) }, message: "default_cap.amount_minor: must be at most 1000000000000"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(10, "usd")) }, message: "default_cap.currency_code: must be an ISO 4217 code in upper case, like USD"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(10, "")) }, message: "default_cap.currency_code: must be an ISO 4217 code in upper case, like USD"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, default: money(10), trades: [(.hvac, money(10, "EUR"))]) }, message: "trade_caps[0].cap.currency_code: must be USD, like the profile's other caps"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, trades: [(.hvac, money(10)), (.hvac, money(20))]) }, message: "trade_caps[1].trade: appears twice"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, trades: [(.unspecified, money(10))]) }, message: "trade_caps[0].trade: must be set"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, trades: [(.unrecognized(99), money(10))]) }, message: "trade_caps[0].trade: is not a known trade"),
        BadInput(request: { c, l in nteProfileRequest(client: c, locations: [(l, .hvac, money(10)), (l, .hvac, money(20))]) }, message: "location_caps[1]: this location and trade appear twice"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, locations: [("nope", .hvac, money(10))]) }, message: "location_caps[0].location_id: must be a location id"),
        BadInput(request: { c, _ in nteProfileRequest(client: c, locations: [(UUID().uuidString, .hvac, money(10))]) }, code: .notFound, message: "location_caps[0].location_id: location not found"),
    ]

    @Test(arguments: badInputs)
    func badProfilesAreRefusedNamingTheFieldAndChangeNothing(_ bad: BadInput) async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let before = try await server.setNteProfile(
                nteProfileRequest(client: scene.client, default: money(50_000), trades: [(.hvac, money(9_000))]), token: scene.admin
            )
            let error = await rpcError { try await server.setNteProfile(bad.request(scene.client, lobby.id), token: scene.admin) }
            #expect(error?.code == bad.code)
            #expect(error?.message == bad.message)
            #expect(try await server.nteProfileList(token: scene.owner) == [[before]])
        }
    }

    @Test func aLocationOfAnotherClientIsNotFound() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let kitchen = try await server.createLocation(locationFields("Kitchen"), client: scene.otherClient, token: scene.admin)
            let error = await rpcError {
                try await server.setNteProfile(
                    nteProfileRequest(client: scene.client, locations: [(kitchen.id, .hvac, money(10))]), token: scene.admin
                )
            }
            #expect(error?.code == .notFound)
            #expect(try await server.nteCapRowCount() == 0)
        }
    }
}
