import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

/// Rule 10: 50 invites per tenant per rolling 24 hours, exact under concurrency.
@Suite struct InviteCapTests {
    @Test func exactlyFiftyOfSixtyConcurrentInvitesSucceed() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let before = try await server.rowCounts()
            let outcomes = try await withThrowingTaskGroup(of: RPCError?.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        await rpcError {
                            try await server.inviteTech(name: "Tech \(index)", email: freshEmail("tech\(index)"), token: world.adminToken)
                        }
                    }
                }
                return try await group.reduce(into: [RPCError?]()) { $0.append($1) }
            }
            let refusals = outcomes.compactMap { $0 }
            #expect(outcomes.count - refusals.count == 50)
            #expect(refusals.count == 10)
            #expect(refusals.allSatisfy { $0.code == .resourceExhausted })
            let nextFree: String = try await server.fixtures.single(
                """
                SELECT to_char((min(created_at) + interval '24 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM portico.invite_events WHERE tenant_id = \(world.tenantID) AND counted
                """
            )
            let expected = "the limit of 50 invites per 24 hours is reached; the next invite is possible at \(nextFree)"
            #expect(refusals.allSatisfy { $0.message == expected })
            #expect(try await server.rowCounts() == InviteRowCounts(
                logins: before.logins + 50, memberships: before.memberships + 50,
                inviteEvents: before.inviteEvents + 50, outbox: before.outbox + 50
            ))

            let quota = try await server.inviteQuota(token: world.adminToken)
            #expect(quota.used == 50)
            #expect(quota.limit == 50)
            let nextFreeAt = try #require(ISO8601DateFormatter().date(from: nextFree))
            #expect(abs(quota.nextFreeAt.date.timeIntervalSince(nextFreeAt)) < 1)

            // A resend is an invite too.
            let anyTech = try #require(try await server.listUsers(token: world.adminToken).users.first { $0.role == .tech })
            #expect(await rpcError { try await server.resendInvite(anyTech.membershipId, token: world.adminToken) }?.message == expected)
        }
    }

    @Test func theOperatorLiftsTheCapForOneTenant() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            try await server.fixtures.execute("UPDATE portico.tenants SET invite_limit = 2 WHERE id = \(world.tenantID)")
            _ = try await server.inviteTech(name: "One", email: freshEmail(), token: world.adminToken)
            let second = try await server.inviteTech(name: "Two", email: freshEmail(), token: world.adminToken)
            #expect(second.quota.used == 2)
            #expect(second.quota.limit == 2)
            #expect(second.quota.hasNextFreeAt)
            #expect(await statusCode { try await server.inviteTech(name: "Three", email: freshEmail(), token: world.adminToken) } == .resourceExhausted)

            var lift = Portico_V1_SetInviteLimitRequest()
            lift.tenantId = world.tenantID.uuidString
            lift.inviteLimit = 3
            _ = try await server.operators.setInviteLimit(lift, metadata: bearer(try await server.operatorToken()))
            let third = try await server.inviteTech(name: "Three", email: freshEmail(), token: world.adminToken)
            #expect(third.quota.used == 3)
            #expect(third.quota.limit == 3)
            let quota = try await server.inviteQuota(token: world.adminToken)
            #expect(quota.used == 3 && quota.limit == 3 && quota.hasNextFreeAt)
        }
    }

    @Test func aFreshTenantHasItsWholeQuota() async throws {
        try await withTestServer { server in
            let world = try await server.adminWorld()
            let quota = try await server.inviteQuota(token: world.adminToken)
            #expect(quota.used == 0)
            #expect(quota.limit == 50)
            #expect(!quota.hasNextFreeAt)
        }
    }
}
