import Foundation
import PostgresNIO
import Testing
@testable import PorticoServer
import PostgresTestSupport

@Suite("App role privileges")
struct AppRolePrivilegeTests {
    private func strings(_ database: TestDatabase, _ query: PostgresQuery) async throws -> [String] {
        try await withDatabase(database.owner) { owner async throws in
            try await owner.query(query).map { try $0.decode(String.self) }
        }
    }

    @Test func tablePrivilegesAreExactlyWhatTheServerNeeds() async throws {
        let database = try await DatabaseFixture.fresh()
        let granted = try await strings(database, """
            SELECT c.relname || ' ' || p.privilege
            FROM pg_class c
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                    'REFERENCES', 'TRIGGER']) AS p(privilege)
            WHERE c.relnamespace = 'portico'::regnamespace AND c.relkind = 'r'
              AND has_table_privilege(\(database.appRole), c.oid, p.privilege)
            ORDER BY 1
            """)
        #expect(granted == [
            "auth_users SELECT",
            "clients INSERT", "clients SELECT", "clients UPDATE",
            "invite_events SELECT",
            // UPDATE of locations is granted column by column (below), not on the table.
            "locations INSERT", "locations SELECT",
            "login_attempts DELETE", "login_attempts INSERT", "login_attempts SELECT",
            "login_attempts UPDATE",
            "memberships DELETE", "memberships INSERT", "memberships SELECT",
            // Caps are replaced whole (delete and insert) and a profile without caps is
            // deleted; the profile's UPDATE is granted by column.
            "nte_caps DELETE", "nte_caps INSERT", "nte_caps SELECT",
            // An NTE increase's UPDATE is by column (the owner's decision).
            "nte_increases INSERT", "nte_increases SELECT",
            "nte_profiles DELETE", "nte_profiles INSERT", "nte_profiles SELECT",
            "operators SELECT",
            "outbox INSERT", "outbox SELECT", "outbox UPDATE",
            "sessions DELETE", "sessions INSERT", "sessions SELECT", "sessions UPDATE",
            "tenant_settings INSERT", "tenant_settings SELECT", "tenant_settings UPDATE",
            "tenants INSERT", "tenants SELECT", "tenants UPDATE",
            // A work order's UPDATE is by column; its history, comments and cost lines
            // only grow.
            "work_order_comments INSERT", "work_order_comments SELECT",
            "work_order_cost_lines INSERT", "work_order_cost_lines SELECT",
            "work_order_counters INSERT", "work_order_counters SELECT", "work_order_counters UPDATE",
            "work_order_events INSERT", "work_order_events SELECT",
            "work_orders INSERT", "work_orders SELECT",
        ])
    }

    /// The columns of `table` the app role may update, by name.
    private func updatableColumns(of table: String, in database: TestDatabase) async throws -> [String] {
        try await strings(database, """
            SELECT a.attname::text FROM pg_attribute a
            WHERE a.attrelid = \(table)::regclass AND a.attnum > 0
              AND has_column_privilege(\(database.appRole), a.attrelid, a.attnum, 'UPDATE')
            ORDER BY 1
            """)
    }

    @Test func onlyPasswordAndNameColumnsOfAuthUsersAreUpdatable() async throws {
        let database = try await DatabaseFixture.fresh()
        #expect(try await updatableColumns(of: "portico.auth_users", in: database) == [
            "display_name", "password_changed_at", "password_hash", "password_is_temporary",
            "temporary_password_expires_at",
        ])
    }

    /// A site never moves to another client or tenant: only its editable columns and
    /// its archive time may change.
    @Test func onlyEditableColumnsOfLocationsAreUpdatable() async throws {
        let database = try await DatabaseFixture.fresh()
        #expect(try await updatableColumns(of: "portico.locations", in: database) == [
            "access_notes", "address_line1", "address_line2", "archived_at", "city", "country_code",
            "name", "postal_code", "region", "updated_at",
        ])
    }

    /// A work order never moves to another client, site or number; its cost columns
    /// are not its own (they live in cost lines).
    @Test func onlyEditableColumnsOfWorkOrdersAreUpdatable() async throws {
        let database = try await DatabaseFixture.fresh()
        #expect(try await updatableColumns(of: "portico.work_orders", in: database) == [
            "assigned_tech_membership_id", "assigned_tech_name", "assigned_tech_user_id", "close_due_at",
            "completed_at", "currency_code", "description", "nte_cap_minor", "priority", "quote_needed",
            "resume_status", "scheduled_at", "signed_off_at", "signed_off_by_name", "status", "title", "trade",
            "updated_at",
        ])
        #expect(try await updatableColumns(of: "portico.nte_increases", in: database) == [
            "decided_at", "decided_by_name", "decided_by_user_id", "decision_note", "status",
        ])
    }

    @Test func functionsAreExecutableByTheAppRoleAndNotByPublic() async throws {
        let database = try await DatabaseFixture.fresh()
        let appFunctions = try await strings(database, """
            SELECT p.proname::text FROM pg_proc p
            WHERE p.pronamespace = 'portico'::regnamespace
              AND has_function_privilege(\(database.appRole), p.oid, 'EXECUTE')
            ORDER BY 1
            """)
        #expect(appFunctions == [
            "bootstrap_operator", "claim_invite_slot", "close_due_work_orders", "current_client_id",
            "current_role_name", "current_tenant_id", "current_user_id", "delete_login_if_orphaned", "invite_login",
            "invite_quota", "live_sessions", "login_candidate", "reset_temporary_password", "session_principal",
        ])
        let publicFunctions = try await strings(database, """
            SELECT p.proname::text FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
            WHERE p.pronamespace = 'portico'::regnamespace AND a.grantee = 0
            ORDER BY 1
            """)
        #expect(publicFunctions == [])
        let definers = try await strings(database, """
            SELECT p.proname::text FROM pg_proc p
            WHERE p.pronamespace = 'portico'::regnamespace AND p.prosecdef
            ORDER BY 1
            """)
        // The trigger functions run as definer to lock, sum and notify whatever the
        // caller's policies show; nobody may call them directly.
        #expect(definers == [
            "bootstrap_operator", "claim_invite_slot", "close_due_work_orders", "cost_line_guard",
            "delete_login_if_orphaned", "invite_login", "live_sessions", "login_candidate", "reset_temporary_password",
            "session_principal", "work_order_comments_notify", "work_orders_notify",
        ])
    }

    @Test func theAppRoleMayUseButNotCreateInTheSchema() async throws {
        let database = try await DatabaseFixture.fresh()
        let privileges = try await strings(database, """
            SELECT has_schema_privilege(\(database.appRole), 'portico', 'USAGE')::text || ' '
                || has_schema_privilege(\(database.appRole), 'portico', 'CREATE')::text
            """)
        #expect(privileges == ["true false"])
    }

    @Test func everyTableForcesRowLevelSecurity() async throws {
        let database = try await DatabaseFixture.fresh()
        let tables = try await strings(database, """
            SELECT c.relname || ' ' || c.relrowsecurity::text || ' ' || c.relforcerowsecurity::text
            FROM pg_class c
            WHERE c.relnamespace = 'portico'::regnamespace AND c.relkind = 'r'
            ORDER BY 1
            """)
        #expect(tables == [
            "auth_users true true", "clients true true", "invite_events true true",
            "locations true true", "login_attempts true true", "memberships true true",
            "nte_caps true true", "nte_increases true true", "nte_profiles true true", "operators true true",
            "outbox true true", "schema_migrations true true", "sessions true true",
            "tenant_settings true true", "tenants true true", "work_order_comments true true",
            "work_order_cost_lines true true", "work_order_counters true true",
            "work_order_events true true", "work_orders true true",
        ])
    }

    @Test func regrantingRemovesPrivilegesAnOlderVersionGave() async throws {
        let database = try await DatabaseFixture.fresh()
        try await withDatabase(database.owner) { owner async throws in
            _ = try await owner.query(PostgresQuery(unsafeSQL:
                "GRANT DELETE ON portico.tenants TO \(SQLIdentifier(database.appRole))"))
        }
        try await Migrator(owner: database.owner, appRole: database.appRole, logger: testLogger).migrate()
        let canDelete = try await strings(database, """
            SELECT has_table_privilege(\(database.appRole), 'portico.tenants', 'DELETE')::text
            """)
        #expect(canDelete == ["false"])
    }
}
