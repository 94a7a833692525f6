import Foundation
import GRPCCore
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

@Suite("Definer functions")
struct DefinerFunctionTests {
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        let database = try await DatabaseFixture.fresh()
        let fixture = TenantFixture()
        try await fixture.insert(into: database)
        return (database, fixture)
    }

    /// session_principal's row as one comparable line.
    private func principal(_ app: Database, token: ByteBuffer) async throws -> [String] {
        try await app.query("""
            SELECT session_id, user_id, email, display_name, role, tenant_id, tenant_name,
                   membership_id, client_id, client_name, expires_at > now(), password_change_required
            FROM portico.session_principal(\(token))
            """).map { row in
            let (_, user, email, _, role, tenant, tenantName, membership, client, clientName, live, change) =
                try row.decode((UUID, UUID, String, String, String, UUID?, String?, UUID?, UUID?, String?, Bool, Bool).self)
            return [
                user.uuidString, email, role, tenant?.uuidString ?? "-", tenantName ?? "-",
                membership?.uuidString ?? "-", client?.uuidString ?? "-", clientName ?? "-",
                "\(live)", "\(change)",
            ].joined(separator: " ")
        }
    }

    @Test func sessionPrincipalResolvesALiveMembershipSession() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let owner = f.ownerA1
            #expect(try await principal(app, token: owner.sessionToken) == [[
                owner.id.uuidString, owner.email, "OWNER", f.tenantA.uuidString, "Acme Plumbing",
                owner.membershipID!.uuidString, f.clientA1.uuidString, "A1 Offices", "true", "false",
            ].joined(separator: " ")])
        }
    }

    @Test func sessionPrincipalResolvesAnOperatorSession() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let op = f.operatorUser
            #expect(try await principal(app, token: op.sessionToken) == [[
                op.id.uuidString, op.email, "OPERATOR", "-", "-", f.operatorID.uuidString, "-", "-",
                "true", "false",
            ].joined(separator: " ")])
        }
    }

    @Test func sessionPrincipalIsEmptyForUnknownExpiredOrRemovedSessions() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("""
                UPDATE portico.sessions SET expires_at = now() - interval '1 second'
                WHERE user_id = \(f.adminA.id)
                """)
            _ = try await owner.query("""
                DELETE FROM portico.memberships WHERE id = \(f.memberA1.membershipID!)
                """)
        }
        try await withDatabase(database.app) { app async throws in
            #expect(try await principal(app, token: ByteBuffer(repeating: 0xEE, count: 32)) == [])
            #expect(try await principal(app, token: f.adminA.sessionToken) == [])
            #expect(try await principal(app, token: f.memberA1.sessionToken) == [])
            #expect(try await principal(app, token: f.ownerA1.sessionToken).count == 1)
        }
    }

    @Test func deletingTheLoginEndsItsSessionsInEveryTenant() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("DELETE FROM portico.auth_users WHERE id = \(f.dual.id)")
            let left = try await owner.query("SELECT count(*) FROM portico.sessions WHERE user_id = \(f.dual.id)")
                .map { try $0.decode(Int.self) }
            #expect(left == [0])
        }
    }

    @Test func loginCandidateMatchesEmailsCaseInsensitively() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let rows = try await app.query("""
                SELECT user_id, password_hash, password_is_temporary, temporary_password_expires_at
                FROM portico.login_candidate('dual@BOTH.example')
                """).map { try $0.decode((UUID, String, Bool, Date?).self) }
            #expect(rows.map { "\($0.0) \($0.1) \($0.2) \($0.3 == nil)" } == ["\(f.dual.id) hash false true"])
            let unknown = try await app.query("SELECT * FROM portico.login_candidate('nobody@example.com')")
            #expect(unknown.isEmpty)
        }
    }

    @Test func bootstrapOperatorCreatesExactlyOneOperatorUnderConcurrency() async throws {
        let database = try await DatabaseFixture.fresh()
        let results = try await withDatabase(database.app) { app async throws in
            try await withThrowingTaskGroup(of: Bool.self, returning: [Bool].self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await app.query("""
                            SELECT portico.bootstrap_operator(\("op\(index)@portico.example"), 'Operator', 'hash')
                            """).first!.decode(Bool.self)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(results.count == 8)
        try await withDatabase(database.owner) { owner async throws in
            let counts = try await owner.query("""
                SELECT (SELECT count(*) FROM portico.operators), (SELECT count(*) FROM portico.auth_users)
                """).map { try $0.decode((Int, Int).self) }
            #expect(counts.map { "\($0.0) \($0.1)" } == ["1 1"])
        }
    }

    @Test func bootstrapOperatorRefusesAnEmailThatAlreadyHasALogin() async throws {
        let (database, _) = try await seeded()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query("DELETE FROM portico.operators")
        }
        try await withDatabase(database.app) { app async throws in
            let error = await #expect(throws: PSQLError.self) {
                _ = try await app.query("SELECT portico.bootstrap_operator('ADMIN@a.example', 'x', 'hash')")
            }
            let status = error.flatMap { PostgresErrorMapping.rpcError(for: $0) }
            #expect(status == RPCError(code: .alreadyExists, message: "the operator email already belongs to another login"))
        }
    }

    @Test func definerFunctionsIgnoreTheCallersSearchPath() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let rows = try await app.withContext(.none) { connection in
                // A temporary table named like the real one must not shadow it.
                _ = try await connection.query("CREATE TEMP TABLE sessions (token_hash bytea)")
                _ = try await connection.query("SET LOCAL search_path = pg_temp, portico")
                return try await connection.query(
                    "SELECT role FROM portico.session_principal(\(f.adminB.sessionToken))"
                ).map { try $0.decode(String.self) }
            }
            #expect(rows == ["ADMIN"])
        }
    }
}
