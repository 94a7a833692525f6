import Foundation
import GRPCCore
import PostgresNIO
import PorticoAPI
@testable import PorticoServer
import Testing

/// Concurrent calls share session lookups (AuthStore batches them) yet each sees its
/// own session, as it is in PostgreSQL when the call arrives.
@Suite struct SessionLookupBatchingTests {
    @Test func concurrentCallsEachGetTheirOwnPrincipal() async throws {
        try await withTestServer { server in
            var sessions: [(token: String, email: String)] = []
            for role in [Portico_V1_Role.owner, .admin, .tech, .member, .admin, .tech] {
                let user = try await server.fixtures.member(role)
                sessions.append((try await server.signIn(email: user.email), user.email))
            }
            let calls = (0..<96).map { sessions[$0 % sessions.count] }
            let answered = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for call in calls {
                    group.addTask { (call.email, try await server.whoAmI(call.token).principal.email) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answered.count == 96)
            #expect(answered.allSatisfy { $0.0 == $0.1 })
        }
    }

    @Test func aBatchOfTokensFindsExactlyTheLiveSessions() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.admin)
            let live = try await SessionToken(value: server.signIn(email: user.email))
            let revoked = try await SessionToken(value: server.signIn(email: user.email))
            let unknown = SessionToken.generate()
            try await server.fixtures.execute(
                "DELETE FROM portico.sessions WHERE token_hash = \(ByteBuffer(bytes: revoked.hash))"
            )
            let hashes = [revoked.hash, live.hash, unknown.hash, live.hash]
            let principals = try await withDatabase(server.database.app) { database in
                try await AuthStore.principals(forTokenHashes: hashes, in: database)
            }
            #expect(principals.map { $0?.email } == [nil, user.email, nil, user.email])
            #expect(principals[1]?.role == .admin)
        }
    }

    @Test func aRevokedSessionFailsOnTheNextCallAmongConcurrentOnes() async throws {
        try await withTestServer { server in
            let user = try await server.fixtures.member(.owner)
            let kept = try await server.signIn(email: user.email)
            let ended = try await server.signIn(email: user.email)
            _ = try await server.whoAmI(ended)
            _ = try await server.auth.logout(Portico_V1_LogoutRequest(), metadata: bearer(ended))
            let codes = await withTaskGroup(of: (String, RPCError.Code?).self) { group in
                for index in 0..<32 {
                    let token = index.isMultiple(of: 2) ? kept : ended
                    group.addTask { (token, await statusCode { try await server.whoAmI(token) }) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes.filter { $0.0 == kept }.allSatisfy { $0.1 == nil })
            #expect(codes.filter { $0.0 == ended }.allSatisfy { $0.1 == .unauthenticated })
            #expect(codes.count == 32)
        }
    }
}
