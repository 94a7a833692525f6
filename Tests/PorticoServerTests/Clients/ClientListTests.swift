import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ClientListTests {
    @Test func clientsListInPagesByNameIgnoringCase() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            for name in ["delta", "Alpha", "echo", "Bravo", "charlie", "foxtrot", "Golf"] {
                _ = try await server.createClient(clientFields(name), token: admin.token)
            }
            #expect(try await server.clientNamePages(pageSize: 3, token: admin.token) == [
                ["Alpha", "Bravo", "charlie"], ["delta", "echo", "foxtrot"], ["Golf"],
            ])
            #expect(try await server.clientNamePages(pageSize: 7, token: admin.token) == [
                ["Alpha", "Bravo", "charlie", "delta", "echo", "foxtrot", "Golf"],
            ])
            #expect(try await server.clientNamePages(pageSize: 0, token: admin.token).count == 1)
        }
    }

    /// Keyset pages continue after the last row seen: rows added or renamed in between
    /// neither repeat nor hide the rows that follow.
    @Test func pagesStayStableWhileClientsAreAdded() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            for name in ["b", "d", "f", "h"] {
                _ = try await server.createClient(clientFields(name), token: admin.token)
            }
            var request = Portico_V1_ListClientsRequest()
            request.page.pageSize = 2
            let first = try await server.clients.listClients(request, metadata: bearer(admin.token))
            #expect(first.clients.map(\.name) == ["b", "d"])
            for name in ["a", "c", "e"] {
                _ = try await server.createClient(clientFields(name), token: admin.token)
            }
            request.page.pageToken = first.page.nextPageToken
            let second = try await server.clients.listClients(request, metadata: bearer(admin.token))
            #expect(second.clients.map(\.name) == ["e", "f"])
            request.page.pageToken = second.page.nextPageToken
            let third = try await server.clients.listClients(request, metadata: bearer(admin.token))
            #expect(third.clients.map(\.name) == ["h"])
            #expect(third.page.nextPageToken == "")
        }
    }

    @Test func listedClientsCarryEveryFieldAndTheirUserSummary() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let created = try await server.createClient(ClientsServiceTests.fullFields, token: admin.token)
            let page = try await server.clients.listClients(Portico_V1_ListClientsRequest(), metadata: bearer(admin.token))
            #expect(page.clients == [created])
            #expect(page.page.nextPageToken == "")
        }
    }

    static let bogusPageTokens = [
        "forged", "W10", // "[]"
        PageToken(keys: []).encoded,
        PageToken(keys: ["a", UUID().uuidString]).encoded,
        String(repeating: "A", count: 3000),
    ]

    @Test func bogusPageTokensAreInvalidArgument() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            for token in Self.bogusPageTokens {
                var request = Portico_V1_ListClientsRequest()
                request.page.pageToken = token
                let error = await rpcError { try await server.clients.listClients(request, metadata: bearer(admin.token)) }
                #expect(error?.code == .invalidArgument, "\(token)")
                #expect(error?.message == "page.page_token: is not a token this list returned", "\(token)")
            }
        }
    }

    @Test func aNegativePageSizeIsInvalidArgument() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            var request = Portico_V1_ListClientsRequest()
            request.page.pageSize = -1
            let error = await rpcError { try await server.clients.listClients(request, metadata: bearer(admin.token)) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message == "page.page_size: must not be negative")
        }
    }

    @Test func nameContainsFiltersIgnoringCaseAndTakesWildcardsLiterally() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let names = [
                "Harbor Hotels", "Hotel Bravo", "Shotel", "Bay Diner", "100% Fitness", "100 Fitness",
                "Snake_Case Ltd", "SnakeXCase Ltd", #"Back\Slash Co"#, "Backslash Co",
            ]
            for name in names {
                _ = try await server.createClient(clientFields(name), token: admin.token)
            }
            func filtered(_ text: String, pageSize: Int32 = 0) async throws -> [String] {
                try await server.clientNamePages(pageSize: pageSize, nameContains: text, token: admin.token).flatMap { $0 }
            }
            #expect(try await filtered("HOTEL") == ["Harbor Hotels", "Hotel Bravo", "Shotel"])
            #expect(try await filtered("hotel", pageSize: 1) == ["Harbor Hotels", "Hotel Bravo", "Shotel"])
            #expect(try await filtered("%") == ["100% Fitness"])
            #expect(try await filtered("0% f") == ["100% Fitness"])
            #expect(try await filtered("_") == ["Snake_Case Ltd"])
            #expect(try await filtered("e_c") == ["Snake_Case Ltd"])
            #expect(try await filtered(#"\"#) == [#"Back\Slash Co"#])
            #expect(try await filtered(#"k\s"#) == [#"Back\Slash Co"#])
            #expect(try await filtered("nothing like it") == [])
            #expect(try await filtered("").count == names.count)
        }
    }

    @Test(arguments: [
        ("plain", "plain"), ("100%", #"100\%"#), ("a_b", #"a\_b"#), (#"c:\dir"#, #"c:\\dir"#),
        ("%\u{301}", "\\%\u{301}"), ("", ""),
    ])
    func likePatternsEscapeWildcardsAndTheEscape(text: String, escaped: String) {
        #expect(LikePattern.escaped(text) == escaped)
    }

    @Test func nameContainsIsBounded() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            var request = Portico_V1_ListClientsRequest()
            request.nameContains = String(repeating: "x", count: 201)
            let long = await rpcError { try await server.clients.listClients(request, metadata: bearer(admin.token)) }
            #expect(long?.code == .invalidArgument)
            #expect(long?.message == "name_contains: must be at most 200 characters")
            request.nameContains = "a\u{0}b"
            let control = await rpcError { try await server.clients.listClients(request, metadata: bearer(admin.token)) }
            #expect(control?.code == .invalidArgument)
            #expect(control?.message == "name_contains: must not contain control characters")
        }
    }
}
