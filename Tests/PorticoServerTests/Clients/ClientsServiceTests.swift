import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ClientsServiceTests {
    static let fullFields = clientFields(
        "  Harbor Hotels  ", billingEmail: " AP@Harbor-Hotels.example ", phone: " +1 555 0100 ",
        notes: "  Gate code 4411.\nAsk for Dana.  ",
        address: postalAddress(
            line1: "1 Pier Road", line2: "Suite 4", city: "Portland", region: "OR",
            postalCode: "97201", countryCode: "us"
        )
    )

    @Test func createStoresEveryFieldNormalized() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let client = try await server.createClient(Self.fullFields, token: admin.token)
            #expect(client.name == "Harbor Hotels")
            #expect(client.billingEmail == "ap@harbor-hotels.example")
            #expect(client.phone == "+1 555 0100")
            #expect(client.notes == "Gate code 4411.\nAsk for Dana.")
            #expect(client.address == postalAddress(
                line1: "1 Pier Road", line2: "Suite 4", city: "Portland", region: "OR",
                postalCode: "97201", countryCode: "US"
            ))
            #expect(client.userCount == 0)
            #expect(client.ownerStatus == .unspecified)
            #expect(client.id == client.id.lowercased())
            let id = try #require(UUID(uuidString: client.id))
            #expect(abs(client.createdAt.date.timeIntervalSinceNow) < 60)
            #expect(client.updatedAt == client.createdAt)

            let stored: String = try await server.fixtures.single(
                """
                SELECT concat_ws('|', tenant_id, name, billing_email, phone, address_line1, address_line2,
                    city, region, postal_code, country_code, notes)
                FROM portico.clients WHERE id = \(id)
                """
            )
            let expected = [
                admin.tenant.uuidString.lowercased(), "Harbor Hotels", "ap@harbor-hotels.example", "+1 555 0100",
                "1 Pier Road", "Suite 4", "Portland", "OR", "97201", "US", "Gate code 4411.\nAsk for Dana.",
            ].joined(separator: "|")
            #expect(stored == expected)
            #expect(try await server.getClient(client.id, token: admin.token).client == client)
        }
    }

    @Test func aClientWithOnlyANameHasEmptyDetails() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let client = try await server.createClient(clientFields("Solo"), token: admin.token)
            var expected = Portico_V1_Client()
            expected.id = client.id
            expected.name = "Solo"
            expected.address = Portico_V1_PostalAddress()
            expected.createdAt = client.createdAt
            expected.updatedAt = client.createdAt
            #expect(client == expected)
        }
    }

    @Test func updateReplacesEveryEditableFieldAndBumpsUpdatedAt() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let created = try await server.createClient(Self.fullFields, token: admin.token)
            let updated = try await server.updateClient(
                created.id, clientFields("Harbor Hotels Group", phone: "555-0199"), token: admin.token
            )
            #expect(updated.id == created.id)
            #expect(updated.name == "Harbor Hotels Group")
            #expect(updated.phone == "555-0199")
            // Fields left empty are cleared, not kept: update replaces them all.
            #expect(updated.billingEmail == "")
            #expect(updated.notes == "")
            #expect(updated.address == Portico_V1_PostalAddress())
            #expect(updated.createdAt == created.createdAt)
            #expect(updated.updatedAt.date > created.updatedAt.date)
            #expect(try await server.getClient(created.id, token: admin.token).client == updated)

            // Changing only the case of its own name is no conflict with itself.
            let recased = try await server.updateClient(created.id, clientFields("HARBOR hotels group"), token: admin.token)
            #expect(recased.name == "HARBOR hotels group")
        }
    }

    @Test func duplicateNamesIgnoringCaseAreAlreadyExists() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            _ = try await server.createClient(clientFields("Harbor Hotels"), token: admin.token)
            let other = try await server.createClient(clientFields("Bay Diner"), token: admin.token)

            let duplicate = await rpcError { try await server.createClient(clientFields(" HARBOR hotels "), token: admin.token) }
            #expect(duplicate?.code == .alreadyExists)
            #expect(duplicate?.message == "client.name: a client with this name already exists")
            let renamed = await rpcError { try await server.updateClient(other.id, clientFields("harbor HOTELS"), token: admin.token) }
            #expect(renamed?.code == .alreadyExists)
            #expect(try await server.getClient(other.id, token: admin.token).client.name == "Bay Diner")
            #expect(try await server.clientRowCount() == 2)

            // Racing creates of one name: the unique index lets exactly one through.
            let outcomes = await withTaskGroup(of: RPCError.Code?.self) { group in
                for index in 0..<5 {
                    group.addTask {
                        await statusCode { try await server.createClient(clientFields(index.isMultiple(of: 2) ? "Twin Co" : "TWIN co"), token: admin.token) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.filter { $0 == .alreadyExists }.count == 4)
            #expect(try await server.clientRowCount() == 3)

            // Another tenant may use the same name.
            let otherAdmin = try await server.signedInAdmin()
            let same = try await server.createClient(clientFields("Harbor Hotels"), token: otherAdmin.token)
            #expect(same.name == "Harbor Hotels")
        }
    }

    @Test func unknownAndOtherTenantsClientsAreNotFound() async throws {
        try await withTestServer { server in
            let adminA = try await server.signedInAdmin()
            let adminB = try await server.signedInAdmin()
            let clientA = try await server.createClient(clientFields("Harbor Hotels"), token: adminA.token)
            let clientB = try await server.createClient(clientFields("Bay Diner"), token: adminB.token)

            for id in [clientA.id, UUID().uuidString] {
                let get = await rpcError { try await server.getClient(id, token: adminB.token) }
                #expect(get?.code == .notFound)
                #expect(get?.message == "client not found")
                // Even a name that would collide in tenant B reveals nothing about tenant A's row.
                let update = await rpcError { try await server.updateClient(id, clientFields("Bay Diner"), token: adminB.token) }
                #expect(update?.code == .notFound)
                #expect(update?.message == "client not found")
            }
            #expect(try await server.getClient(clientA.id, token: adminA.token).client == clientA)
            #expect(try await server.clientNamePages(pageSize: 0, token: adminB.token) == [["Bay Diner"]])
            #expect(try await server.clientNamePages(pageSize: 0, token: adminA.token) == [["Harbor Hotels"]])
            // The uppercase spelling of an id works too.
            #expect(try await server.getClient(clientB.id.uppercased(), token: adminB.token).client == clientB)
        }
    }

    @Test func malformedClientIDsAreInvalidArgument() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            for id in ["", "not-a-uuid", "123", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", " \(UUID())"] {
                let get = await rpcError { try await server.getClient(id, token: admin.token) }
                #expect(get?.code == .invalidArgument, "\(id)")
                let problem = id.isEmpty ? "must not be empty" : "must be a client id"
                #expect(get?.message == "client_id: \(problem)", "\(id)")
                let update = await rpcError { try await server.updateClient(id, clientFields("Name"), token: admin.token) }
                #expect(update?.code == .invalidArgument, "\(id)")
                #expect(update?.message == "client_id: \(problem)", "\(id)")
            }
        }
    }

    @Test func onlyAdminsReachClients() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let existing = try await server.createClient(clientFields("Harbor Hotels"), token: admin.token)
            for role in [Portico_V1_Role.tech, .owner, .member, .operator] {
                let user = try await server.fixtures.member(role)
                let token = try await server.signIn(email: user.email)
                let calls: [() async throws -> Any] = [
                    { try await server.createClient(clientFields("Sneaky"), token: token) },
                    { try await server.updateClient(existing.id, clientFields("Sneaky"), token: token) },
                    { try await server.getClient(existing.id, token: token) },
                    { try await server.clientNamePages(pageSize: 0, token: token) },
                ]
                for call in calls {
                    #expect(await statusCode { try await call() } == .permissionDenied, "\(role)")
                }
            }
            // One client per client-role fixture (owner, member) besides the admin's.
            #expect(try await server.clientRowCount() == 3)
            #expect(try await server.getClient(existing.id, token: admin.token).client == existing)
        }
    }
}
