import Foundation
import PostgresNIO
@testable import PorticoServer
import PostgresTestSupport

/// Two tenants with clients, users of every role and one live session each, written
/// as the owner role (whose `owner_all` policies admit everything).
///
/// Tenant A: clients A1, A2; ADMIN adminA, OWNER ownerA1, MEMBER memberA1, TECH dual.
/// Tenant B: client B1; ADMIN adminB, OWNER dual (so `dual` belongs to both tenants).
/// Plus one platform operator.
struct TenantFixture: Sendable {
    struct User: Sendable {
        let id: UUID
        let email: String
        let membershipID: UUID?
        let sessionToken: ByteBuffer
    }

    let tenantA = UUID(), tenantB = UUID()
    let clientA1 = UUID(), clientA2 = UUID(), clientB1 = UUID()
    let adminA: User, ownerA1: User, memberA1: User, adminB: User
    let dual: User
    let dualMembershipB = UUID()
    let operatorUser: User
    let operatorID = UUID()

    init() {
        func user(_ email: String, _ tokenByte: UInt8, membership: Bool = true) -> User {
            User(
                id: UUID(), email: email, membershipID: membership ? UUID() : nil,
                sessionToken: ByteBuffer(repeating: tokenByte, count: 32)
            )
        }
        adminA = user("admin@a.example", 1)
        ownerA1 = user("owner@a1.example", 2)
        memberA1 = user("member@a1.example", 3)
        adminB = user("admin@b.example", 4)
        dual = user("Dual@Both.example", 5)
        operatorUser = user("op@portico.example", 6, membership: false)
    }

    /// The context each user's calls run with in tenant A (or B for adminB).
    var adminAContext: DatabaseContext { .init(tenantID: tenantA, userID: adminA.id, role: .admin) }
    var adminBContext: DatabaseContext { .init(tenantID: tenantB, userID: adminB.id, role: .admin) }
    var ownerA1Context: DatabaseContext {
        .init(tenantID: tenantA, userID: ownerA1.id, role: .owner, clientID: clientA1)
    }
    var memberA1Context: DatabaseContext {
        .init(tenantID: tenantA, userID: memberA1.id, role: .member, clientID: clientA1)
    }
    var dualInAContext: DatabaseContext { .init(tenantID: tenantA, userID: dual.id, role: .tech) }
    var operatorContext: DatabaseContext { .init(userID: operatorUser.id, role: .operator) }

    /// A fresh database with a new fixture in it, then whatever `more` writes as the
    /// schema's owner (no RLS context), for a suite's own rows.
    static func seeded(
        _ more: @Sendable (TenantFixture, DatabaseConnection) async throws -> Void = { _, _ in }
    ) async throws -> (TestDatabase, TenantFixture) {
        let database = try await DatabaseFixture.fresh()
        let fixture = TenantFixture()
        try await fixture.insert(into: database)
        try await withDatabase(database.owner) { owner in
            try await owner.withContext(.none) { connection in try await more(fixture, connection) }
        }
        return (database, fixture)
    }

    /// Writes everything as `owner`.
    func insert(into database: TestDatabase) async throws {
        try await withDatabase(database.owner) { owner in
            try await owner.withContext(.none) { connection in
                for statement in statements {
                    _ = try await connection.query(statement)
                }
            }
        }
    }

    private var statements: [PostgresQuery] {
        var statements: [PostgresQuery] = [
            "INSERT INTO portico.tenants (id, name) VALUES (\(tenantA), 'Acme Plumbing'), (\(tenantB), 'Bolt HVAC')",
            """
            INSERT INTO portico.clients (tenant_id, id, name) VALUES
                (\(tenantA), \(clientA1), 'A1 Offices'), (\(tenantA), \(clientA2), 'A2 Stores'),
                (\(tenantB), \(clientB1), 'B1 Hotels')
            """,
        ]
        for user in [adminA, ownerA1, memberA1, adminB, dual, operatorUser] {
            statements.append("""
                INSERT INTO portico.auth_users (id, email, display_name, password_hash)
                VALUES (\(user.id), \(user.email), \(user.email), 'hash')
                """)
        }
        let memberships: [(UUID, UUID, UUID, UUID?, String)] = [
            (tenantA, adminA.membershipID!, adminA.id, nil, "ADMIN"),
            (tenantA, ownerA1.membershipID!, ownerA1.id, clientA1, "OWNER"),
            (tenantA, memberA1.membershipID!, memberA1.id, clientA1, "MEMBER"),
            (tenantB, adminB.membershipID!, adminB.id, nil, "ADMIN"),
            (tenantA, dual.membershipID!, dual.id, nil, "TECH"),
            (tenantB, dualMembershipB, dual.id, clientB1, "OWNER"),
        ]
        for (tenant, id, user, client, role) in memberships {
            statements.append("""
                INSERT INTO portico.memberships (tenant_id, id, user_id, client_id, role)
                VALUES (\(tenant), \(id), \(user), \(client), \(role))
                """)
        }
        statements.append("INSERT INTO portico.operators (id, user_id) VALUES (\(operatorID), \(operatorUser.id))")
        let sessions: [(User, UUID, String, UUID?)] = [
            (adminA, tenantA, "ADMIN", nil), (ownerA1, tenantA, "OWNER", clientA1),
            (memberA1, tenantA, "MEMBER", clientA1), (adminB, tenantB, "ADMIN", nil),
            (dual, tenantA, "TECH", nil),
        ]
        for (user, tenant, role, client) in sessions {
            statements.append("""
                INSERT INTO portico.sessions (token_hash, user_id, role, tenant_id, membership_id,
                    client_id, password_change_required, expires_at)
                VALUES (\(user.sessionToken), \(user.id), \(role), \(tenant), \(user.membershipID!),
                    \(client), false, now() + interval '1 hour')
                """)
        }
        statements.append("""
            INSERT INTO portico.sessions (token_hash, user_id, role, operator_id,
                password_change_required, expires_at)
            VALUES (\(operatorUser.sessionToken), \(operatorUser.id), 'OPERATOR', \(operatorID),
                false, now() + interval '1 hour')
            """)
        return statements
    }
}
