import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct OperatorServiceTests {
    func operatorToken(_ server: TestServer) async throws -> String {
        try await server.signIn(email: "operator@portico.test", password: Fixtures.operatorPassword)
    }

    func create(_ server: TestServer, _ name: String, token: String) async throws -> Portico_V1_Tenant {
        var request = Portico_V1_CreateTenantRequest()
        request.name = name
        request.adminName = "First Admin"
        request.adminEmail = "admin-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        return try await server.operators.createTenant(request, metadata: bearer(token)).tenant
    }

    @Test func theBootstrappedOperatorCreatesTenants() async throws {
        try await withTestServer { server in
            let token = try await operatorToken(server)
            #expect(try await server.whoAmI(token).principal.membership.role == .operator)
            let tenant = try await create(server, "  Acme Plumbing  ", token: token)
            #expect(tenant.name == "Acme Plumbing")
            #expect(tenant.inviteLimit == 50)
            #expect(UUID(uuidString: tenant.id) != nil)
            #expect(abs(tenant.createdAt.date.timeIntervalSinceNow) < 60)

            let duplicate = await rpcError { try await create(server, "ACME PLUMBING", token: token) }
            #expect(duplicate?.code == .alreadyExists)
            #expect(duplicate?.message == "a tenant with this name already exists")
            let empty = await rpcError { try await create(server, " ", token: token) }
            #expect(empty?.message == "name: must not be empty")
            let long = await rpcError { try await create(server, String(repeating: "n", count: 201), token: token) }
            #expect(long?.message == "name: must be at most 200 characters")
            let count: Int = try await server.fixtures.single("SELECT count(*)::int8 FROM portico.tenants", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test func tenantsListInPagesByName() async throws {
        try await withTestServer { server in
            let token = try await operatorToken(server)
            for name in ["delta", "Alpha", "echo", "Bravo", "charlie"] {
                _ = try await create(server, name, token: token)
            }
            var request = Portico_V1_ListTenantsRequest()
            request.page.pageSize = 2
            var names: [[String]] = []
            repeat {
                let page = try await server.operators.listTenants(request, metadata: bearer(token))
                names.append(page.tenants.map(\.name))
                request.page.pageToken = page.page.nextPageToken
            } while !request.page.pageToken.isEmpty
            #expect(names == [["Alpha", "Bravo"], ["charlie", "delta"], ["echo"]])

            request.page.pageToken = "forged"
            #expect(await statusCode { try await server.operators.listTenants(request, metadata: bearer(token)) } == .invalidArgument)
        }
    }

    /// The token holds the sort key as PostgreSQL lower-cased it. Swift's lower-casing
    /// folds "É" where the cluster's (C locale, ASCII only) does not: a token of Swift's
    /// "émile" sorts after "Éz" and lost it from the list.
    @Test func pagesFollowPostgresLowerCasingBeyondASCII() async throws {
        try await withTestServer { server in
            let token = try await operatorToken(server)
            for name in ["Éz", "alpha", "Émile"] {
                _ = try await create(server, name, token: token)
            }
            var request = Portico_V1_ListTenantsRequest()
            request.page.pageSize = 1
            var names: [String] = []
            repeat {
                let page = try await server.operators.listTenants(request, metadata: bearer(token))
                names += page.tenants.map(\.name)
                request.page.pageToken = page.page.nextPageToken
            } while !request.page.pageToken.isEmpty
            #expect(names == ["alpha", "Émile", "Éz"])
        }
    }

    @Test func onlyOperatorsManageTenants() async throws {
        try await withTestServer { server in
            let admin = try await server.fixtures.member(.admin)
            let token = try await server.signIn(email: admin.email)
            #expect(await statusCode { try await create(server, "Sneaky", token: token) } == .permissionDenied)
            #expect(await statusCode { try await server.operators.listTenants(Portico_V1_ListTenantsRequest(), metadata: bearer(token)) } == .permissionDenied)
        }
    }
}
