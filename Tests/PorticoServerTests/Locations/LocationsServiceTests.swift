import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// `portico.v1.Locations` through the generated client against a real server and
/// database: who manages and sees which sites, archiving, paging, and bad input.
@Suite struct LocationsServiceTests {
    @Test func anAdminsAndAnOwnersSitesAreWhatTheCompanysUsersSee() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let address = postalAddress(line1: "1 Harbor Way", city: "Portland", region: "ME", postalCode: "04101", countryCode: "us")
            let lobby = try await server.createLocation(
                locationFields("  Lobby ", accessNotes: "Key safe 4471\nby the loading dock", address: address),
                client: scene.client, token: scene.admin
            )
            #expect(lobby.name == "Lobby")
            #expect(lobby.clientId == scene.client.uuidString.lowercased())
            #expect(lobby.address.countryCode == "US")
            #expect(lobby.accessNotes == "Key safe 4471\nby the loading dock")
            #expect(!lobby.hasArchivedAt)
            // An owner adds to their own company without naming it, or naming it.
            _ = try await server.createLocation(locationFields("Annex"), token: scene.owner)
            _ = try await server.createLocation(locationFields("Spa"), client: scene.client, token: scene.owner)
            _ = try await server.createLocation(locationFields("Kitchen"), token: scene.otherOwner)

            #expect(try await server.locationNamePages(token: scene.owner) == [["Annex", "Lobby", "Spa"]])
            #expect(try await server.locationNamePages(token: scene.member) == [["Annex", "Lobby", "Spa"]])
            #expect(try await server.locationNamePages(client: scene.client, token: scene.member) == [["Annex", "Lobby", "Spa"]])
            #expect(try await server.locationNamePages(token: scene.otherOwner) == [["Kitchen"]])
            #expect(try await server.locationNamePages(client: scene.client, token: scene.admin) == [["Annex", "Lobby", "Spa"]])
            #expect(try await server.locationNamePages(token: scene.admin) == [["Annex", "Kitchen", "Lobby", "Spa"]])
            #expect(try await server.locationNamePages(token: scene.otherTenantAdmin) == [[]])
        }
    }

    @Test func anotherCompanysOrTenantsSitesAreNotFound() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let before = try await server.locationRowCount()
            for token in [scene.otherOwner, scene.otherTenantAdmin] {
                #expect(await statusCode { try await server.updateLocation(lobby.id, locationFields("Mine"), token: token) } == .notFound)
                #expect(await statusCode { try await server.archiveLocation(lobby.id, token: token) } == .notFound)
            }
            // Naming another company (or another tenant's client) is NOT_FOUND, as if it did not exist.
            #expect(await statusCode { try await server.locationNamePages(client: scene.client, token: scene.otherOwner) } == .notFound)
            #expect(await statusCode { try await server.createLocation(locationFields("X"), client: scene.client, token: scene.otherOwner) } == .notFound)
            #expect(await statusCode { try await server.locationNamePages(client: scene.client, token: scene.otherTenantAdmin) } == .notFound)
            #expect(await statusCode { try await server.createLocation(locationFields("X"), client: scene.client, token: scene.otherTenantAdmin) } == .notFound)
            #expect(await statusCode { try await server.createLocation(locationFields("X"), client: UUID(), token: scene.admin) } == .notFound)
            // Members read sites and change none; techs have no Locations methods.
            #expect(await statusCode { try await server.createLocation(locationFields("X"), token: scene.member) } == .permissionDenied)
            #expect(await statusCode { try await server.archiveLocation(lobby.id, token: scene.member) } == .permissionDenied)
            #expect(await statusCode { try await server.locationNamePages(token: scene.tech) } == .permissionDenied)
            #expect(try await server.locationRowCount() == before)
            #expect(try await server.locationNamePages(token: scene.owner) == [["Lobby"]])
        }
    }

    @Test func archivedSitesLeaveTheListButKeepTheirRows() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            _ = try await server.createLocation(locationFields("Annex"), client: scene.client, token: scene.admin)
            let archived = try await server.archiveLocation(lobby.id, token: scene.owner)
            #expect(archived.hasArchivedAt)
            let again = try await server.archiveLocation(lobby.id, token: scene.admin)
            #expect(again.archivedAt == archived.archivedAt)
            #expect(again.updatedAt == archived.updatedAt)
            #expect(try await server.locationNamePages(token: scene.owner) == [["Annex"]])
            #expect(try await server.locationNamePages(includeArchived: true, token: scene.member) == [["Annex", "Lobby"]])
            // Still editable (a typo in an old site's name), and still archived after.
            let renamed = try await server.updateLocation(lobby.id, locationFields("Old Lobby"), token: scene.admin)
            #expect(renamed.name == "Old Lobby" && renamed.archivedAt == archived.archivedAt)
        }
    }

    @Test func namesAreUniquePerClientIgnoringCase() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            _ = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let duplicate = await rpcError { try await server.createLocation(locationFields("LOBBY"), token: scene.owner) }
            #expect(duplicate?.code == .alreadyExists)
            #expect(duplicate?.message == "location.name: this client already has a location with this name")
            // Another client may have a site of the same name; the tenant's list keeps both, by id.
            _ = try await server.createLocation(locationFields("Lobby"), client: scene.otherClient, token: scene.admin)
            let pages = try await server.locationNamePages(pageSize: 1, token: scene.admin)
            #expect(pages == [["Lobby"], ["Lobby"]])
        }
    }

    @Test func pagesListEverySiteOnceInNameOrder() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let names = ["delta", "Alpha", "charlie", "Echo", "bravo", "Golf", "foxtrot"]
            for name in names {
                _ = try await server.createLocation(locationFields(name), client: scene.client, token: scene.admin)
            }
            let pages = try await server.locationNamePages(pageSize: 3, token: scene.owner)
            #expect(pages == [["Alpha", "bravo", "charlie"], ["delta", "Echo", "foxtrot"], ["Golf"]])
            #expect(try await server.locationNamePages(nameContains: "O", token: scene.member) == [["bravo", "Echo", "foxtrot", "Golf"]])
            // Wildcards are taken literally.
            #expect(try await server.locationNamePages(nameContains: "%", token: scene.member) == [[]])
        }
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var fields: Portico_V1_LocationFields
        var message: String
        var testDescription: String { message }
    }

    static let badInputs: [BadInput] = [
        BadInput(fields: locationFields("   "), message: "location.name: must not be empty"),
        BadInput(fields: locationFields(String(repeating: "n", count: 201)), message: "location.name: must be at most 200 characters"),
        BadInput(fields: locationFields("Line\u{0}break"), message: "location.name: must not contain control characters"),
        BadInput(fields: locationFields("Lobby", accessNotes: String(repeating: "a", count: 2001)), message: "location.access_notes: must be at most 2000 characters"),
        BadInput(fields: locationFields("Lobby", accessNotes: String(repeating: "x", count: 100_000)), message: "location.access_notes: must be at most 2000 characters"),
        BadInput(fields: locationFields("Lobby", address: postalAddress(countryCode: "USA")), message: "location.address.country_code: must be a two-letter ISO 3166-1 country code like US"),
        BadInput(fields: locationFields("Lobby", address: postalAddress(postalCode: String(repeating: "9", count: 21))), message: "location.address.postal_code: must be at most 20 characters"),
    ]

    @Test(arguments: badInputs)
    func badFieldsAreInvalidArgumentNamingTheFieldAndWriteNothing(_ bad: BadInput) async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let created = await rpcError { try await server.createLocation(bad.fields, client: scene.client, token: scene.admin) }
            #expect(created?.code == .invalidArgument)
            #expect(created?.message == bad.message)
            let updated = await rpcError { try await server.updateLocation(lobby.id, bad.fields, token: scene.owner) }
            #expect(updated?.code == .invalidArgument)
            #expect(updated?.message == bad.message)
            #expect(try await server.locationRowCount() == 1)
            #expect(try await server.locationNamePages(token: scene.owner) == [["Lobby"]])
        }
    }

    @Test func malformedIdsAndTokensAreInvalidArgument() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            for id in ["", "not-a-uuid", " \(UUID())"] {
                let problem = id.isEmpty ? "must not be empty" : "must be a location id"
                let archived = await rpcError { try await server.archiveLocation(id, token: scene.admin) }
                #expect(archived?.code == .invalidArgument && archived?.message == "location_id: \(problem)", "\(id)")
            }
            // An admin must name the client a site belongs to.
            let unnamed = await rpcError { try await server.createLocation(locationFields("Lobby"), token: scene.admin) }
            #expect(unnamed?.code == .invalidArgument && unnamed?.message == "client_id: must not be empty")
            var request = Portico_V1_ListLocationsRequest()
            request.page.pageToken = PageToken(keys: ["lobby", "not-a-uuid"]).encoded
            let token = await rpcError { try await server.locations.listLocations(request, metadata: bearer(scene.owner)) }
            #expect(token?.code == .invalidArgument && token?.message == "page.page_token: is not a token this list returned")
            #expect(try await server.locationRowCount() == 0)
        }
    }
}
