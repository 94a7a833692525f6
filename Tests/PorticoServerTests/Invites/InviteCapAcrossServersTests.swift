import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer
import PostgresTestSupport
import Testing

extension InviteServerTests {
    /// Issue 4's concurrency check: the cap lives in PostgreSQL, so it holds exactly across
    /// several server processes on one database.
    @Suite struct InviteCapAcrossServersTests {
        @Test func twoServerProcessesLetExactlyFiftyOfOneHundredTwentyInvitesThrough() async throws {
            let database = try await TestPostgres.shared.freshDatabase()
            let fixtures = Fixtures(owner: database.owner, hasher: PasswordHasher(cost: TestServer.passwordHashCost))
            let tenant = try await fixtures.tenant("Busy Contractor")
            let admin = try await fixtures.user(displayName: "Alice Admin")
            try await fixtures.membership(user: admin.id, tenant: tenant, role: .admin)

            try await withServerProcesses(2, database: database) { servers in
                let token = try await servers[0].withClient { client in
                    var login = Portico_V1_LoginRequest()
                    login.email = admin.email
                    login.password = Fixtures.password
                    return try await Portico_V1_Auth.Client(wrapping: client).login(login).session.token
                }
                let outcomes = try await withThrowingTaskGroup(of: [RPCError.Code?].self) { group in
                    for (index, server) in servers.enumerated() {
                        group.addTask { try await Self.invite(60, through: server, token: token, batch: index) }
                    }
                    return try await group.reduce(into: [RPCError.Code?]()) { $0 += $1 }
                }
                #expect(outcomes.count == 120)
                #expect(outcomes.filter { $0 == nil }.count == 50)
                #expect(outcomes.filter { $0 == .resourceExhausted }.count == 70)

                let queued = try await fixtures.single(
                    "SELECT count(*)::int8 FROM portico.outbox WHERE tenant_id = \(tenant) AND kind = 'invite'", as: Int.self
                )
                #expect(queued == 50)
                let counted = try await fixtures.single(
                    "SELECT count(*)::int8 FROM portico.invite_events WHERE tenant_id = \(tenant) AND counted", as: Int.self
                )
                #expect(counted == 50)
                let memberships = try await fixtures.single(
                    "SELECT count(*)::int8 FROM portico.memberships WHERE tenant_id = \(tenant) AND role = 'TECH'", as: Int.self
                )
                #expect(memberships == 50)
                // Both workers deliver from the one outbox: 50 emails in all, none twice.
                let deadline = ContinuousClock.now + .seconds(30)
                var delivered: [SpooledMail] = []
                repeat {
                    delivered = try servers.flatMap { try $0.mailSpool.messages() }
                    if delivered.count >= 50 { break }
                    try await Task.sleep(for: .milliseconds(100))
                } while ContinuousClock.now < deadline
                #expect(delivered.count == 50)
                #expect(Set(delivered.map(\.toAddress)).count == 50)
            }
        }

        /// `count` concurrent InviteTech calls through one server; the status of each.
        static func invite(
            _ count: Int, through server: ServerProcess, token: String, batch: Int
        ) async throws -> [RPCError.Code?] {
            try await server.withClient { client in
                let invites = Portico_V1_Invites.Client(wrapping: client)
                return await withTaskGroup(of: RPCError.Code?.self) { group in
                    for index in 0..<count {
                        group.addTask {
                            var request = Portico_V1_InviteTechRequest()
                            request.invitee.name = "Tech \(batch)-\(index)"
                            request.invitee.email = "tech-\(batch)-\(index)@busy.example"
                            return await statusCode { try await invites.inviteTech(request, metadata: bearer(token)) }
                        }
                    }
                    return await group.reduce(into: [RPCError.Code?]()) { $0.append($1) }
                }
            }
        }
    }
}
