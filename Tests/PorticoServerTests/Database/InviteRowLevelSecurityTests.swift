import Foundation
import GRPCCore
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

/// Row-level security of migration 0002's tables and membership writes, at the SQL
/// level as the app role: the invite ledger, the mail outbox (whose queued bodies wait
/// with a temporary password), and who may add or remove which memberships.
@Suite("Row-level security of invites and mail")
struct InviteRowLevelSecurityTests {
    /// `TenantFixture` plus one invite event and one queued email in each tenant.
    private func seeded() async throws -> (TestDatabase, TenantFixture) {
        let database = try await DatabaseFixture.fresh()
        let f = TenantFixture()
        try await f.insert(into: database)
        try await withDatabase(database.owner) { owner in
            try await owner.withContext(.none) { connection in
                for tenant in [f.tenantA, f.tenantB] {
                    try await connection.execute("""
                        INSERT INTO portico.invite_events (tenant_id, kind, counted) VALUES (\(tenant), 'TECH', true)
                        """)
                    try await OutboxStore.enqueue(Self.mail(tenant), on: connection)
                }
            }
        }
        return (database, f)
    }

    static func mail(_ tenant: UUID) -> OutgoingMail {
        OutgoingMail(
            tenantID: tenant, kind: "invite", recipientEmail: "new@example.com", recipientName: "New",
            subject: "Welcome", body: "Password: \(OutgoingMail.secretPlaceholder)", secret: "temporary-secret"
        )
    }

    @Test func withoutContextTheLedgerAndTheOutboxAreEmpty() async throws {
        let (database, _) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            #expect(try await app.column("SELECT count(*) FROM portico.invite_events", as: Int.self, context: .none) == [0])
            #expect(try await app.column("SELECT count(*) FROM portico.outbox", as: Int.self, context: .none) == [0])
        }
    }

    @Test func onlyAnAdminReadsItsOwnTenantsLedger() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let ledger: PostgresQuery = "SELECT tenant_id FROM portico.invite_events"
            #expect(try await app.column(ledger, as: UUID.self, context: f.adminAContext) == [f.tenantA])
            #expect(try await app.column(ledger, as: UUID.self, context: f.adminBContext) == [f.tenantB])
            for context in [f.ownerA1Context, f.memberA1Context, f.dualInAContext] {
                #expect(try await app.column(ledger, as: UUID.self, context: context) == [], "\(context)")
            }
        }
    }

    /// The ledger is written only by `claim_invite_slot`, never directly.
    @Test func theLedgerCannotBeWrittenDirectly() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let statements: [PostgresQuery] = [
                "INSERT INTO portico.invite_events (tenant_id, kind, counted) VALUES (\(f.tenantA), 'TECH', false)",
                "DELETE FROM portico.invite_events",
                "UPDATE portico.invite_events SET counted = false",
            ]
            for statement in statements {
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.affectedRows(statement, context: f.adminAContext)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
        }
    }

    /// Queued mail holds temporary passwords: no principal's context reads it back.
    @Test func inviteesCanQueueButNobodyButTheMailerReadsTheOutbox() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let outbox: PostgresQuery = "SELECT count(*) FROM portico.outbox"
            for context in [f.adminAContext, f.ownerA1Context, f.memberA1Context, f.dualInAContext, f.operatorContext] {
                #expect(try await app.column(outbox, as: Int.self, context: context) == [0], "\(context)")
                #expect(try await app.affectedRows("UPDATE portico.outbox SET secret = NULL", context: context) == 0)
            }
            let mailer = DatabaseContext(role: .mailer)
            #expect(try await app.column(outbox, as: Int.self, context: mailer) == [2])
            #expect(try await app.column("SELECT count(*) FROM portico.tenants", as: Int.self, context: mailer) == [0])
            #expect(try await app.column("SELECT count(*) FROM portico.auth_users", as: Int.self, context: mailer) == [0])
            #expect(try await app.column("SELECT count(*) FROM portico.invite_events", as: Int.self, context: mailer) == [0])
        }
    }

    @Test func mailIsQueuedOnlyForTheCallersOwnTenantByInvitingRoles() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            for context in [f.adminAContext, f.ownerA1Context] {
                try await app.withContext(context) { try await OutboxStore.enqueue(Self.mail(f.tenantA), on: $0) }
            }
            let refused: [(DatabaseContext, UUID)] = [
                (f.adminAContext, f.tenantB), (f.ownerA1Context, f.tenantB),
                (f.memberA1Context, f.tenantA), (f.dualInAContext, f.tenantA), (.none, f.tenantA),
            ]
            for (context, tenant) in refused {
                let error = await #expect(throws: (any Error).self) {
                    try await app.withContext(context) { try await OutboxStore.enqueue(Self.mail(tenant), on: $0) }
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
        }
        let queued = try await withDatabase(database.owner) { owner async throws in
            try await owner.column("SELECT count(*) FROM portico.outbox", as: Int.self, context: .none)
        }
        #expect(queued == [4])
    }

    /// Rule 2 and 8 in the database: admins add owners and techs and remove client
    /// users and techs; owners add and remove only their own company's MEMBERs.
    @Test func membershipsAreAddedAndRemovedOnlyWithinTheCallersReach() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            func insert(_ role: String, client: UUID?, tenant: UUID, as context: DatabaseContext) async -> RPCError.Code? {
                do {
                    _ = try await app.affectedRows("""
                        INSERT INTO portico.memberships (tenant_id, user_id, client_id, role)
                        VALUES (\(tenant), \(f.adminB.id), \(client), \(role))
                        """, context: context)
                    return nil
                } catch {
                    return PostgresErrorMapping.rpcError(for: error)?.code
                }
            }
            let denied = RPCError.Code.permissionDenied
            #expect(await insert("ADMIN", client: nil, tenant: f.tenantA, as: f.adminAContext) == denied)
            #expect(await insert("TECH", client: nil, tenant: f.tenantB, as: f.adminAContext) == denied)
            #expect(await insert("OWNER", client: f.clientA2, tenant: f.tenantA, as: f.ownerA1Context) == denied)
            #expect(await insert("MEMBER", client: f.clientA2, tenant: f.tenantA, as: f.ownerA1Context) == denied)
            #expect(await insert("MEMBER", client: f.clientA1, tenant: f.tenantA, as: f.memberA1Context) == denied)
            #expect(await insert("MEMBER", client: f.clientA1, tenant: f.tenantA, as: f.ownerA1Context) == nil)

            func delete(_ user: TenantFixture.User, as context: DatabaseContext) async throws -> Int {
                try await app.affectedRows(
                    "DELETE FROM portico.memberships WHERE user_id = \(user.id)", context: context)
            }
            #expect(try await delete(f.adminA, as: f.adminAContext) == 0)
            // adminB's own membership in tenant B is out of reach; the MEMBER one an owner
            // just added in tenant A is not.
            #expect(try await app.affectedRows(
                "DELETE FROM portico.memberships WHERE tenant_id = \(f.tenantB)", context: f.adminAContext) == 0)
            #expect(try await delete(f.adminB, as: f.adminAContext) == 1)
            #expect(try await delete(f.ownerA1, as: f.ownerA1Context) == 0)
            #expect(try await delete(f.ownerA1, as: f.memberA1Context) == 0)
            #expect(try await delete(f.dual, as: f.ownerA1Context) == 0)
            #expect(try await delete(f.memberA1, as: f.ownerA1Context) == 1)
            #expect(try await delete(f.dual, as: f.adminAContext) == 1)
        }
    }

    @Test func theCapFunctionRefusesCallersOutsideTheTenantOrRole() async throws {
        let (database, f) = try await seeded()
        try await withDatabase(database.app) { app async throws in
            let refused: [(DatabaseContext, UUID, String)] = [
                (f.memberA1Context, f.tenantA, "MEMBER"), (f.dualInAContext, f.tenantA, "TECH"),
                (f.adminAContext, f.tenantB, "TECH"), (f.adminAContext, f.tenantA, "ADMIN"),
                (f.ownerA1Context, f.tenantA, "OWNER"), (.none, f.tenantA, "TECH"),
            ]
            for (context, tenant, kind) in refused {
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.column(
                        "SELECT used FROM portico.claim_invite_slot(\(tenant), \(kind), NULL)",
                        as: Int.self, context: context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }
                    == RPCError(code: .permissionDenied, message: "not allowed to send this invite"))
            }
            let used = try await app.column(
                "SELECT used FROM portico.claim_invite_slot(\(f.tenantA), 'TECH', NULL)",
                as: Int.self, context: f.adminAContext)
            #expect(used == [2])
        }
    }
}
