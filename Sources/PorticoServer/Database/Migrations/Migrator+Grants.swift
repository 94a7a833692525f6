import Logging
import PostgresNIO

extension Migrator {
    /// Resets the app role's privileges to exactly `AppRoleGrants` in one transaction,
    /// so privileges of older versions never linger and no call sees a half-granted
    /// state.
    func grantAppRole(on connection: PostgresConnection) async throws {
        try await checkAppRole(on: connection)
        let statements = AppRoleGrants.statements(for: SQLIdentifier(appRole))
        try await connection.guardedTransaction(logger: logger) {
            for statement in statements {
                try await connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// The app role must exist and must not be (a member of) the owning role: REVOKE
    /// would strip the owner, and `owner_all` would let the app past every policy.
    private func checkAppRole(on connection: PostgresConnection) async throws {
        let rows = try await connection.guardedQuery("""
            SELECT pg_has_role(r.oid, current_user, 'MEMBER') FROM pg_roles r
            WHERE r.rolname = \(appRole)
            """, logger: logger).rows
        guard let row = rows.first else {
            throw MigrationError(
                code: .invalidAppRole,
                message: "the app role \(SQLIdentifier(appRole)) does not exist"
            )
        }
        if try row.decode(Bool.self) {
            throw MigrationError(
                code: .invalidAppRole,
                message: "the app role \(SQLIdentifier(appRole)) is the owner role or a member "
                    + "of it; the server's queries need a role row-level security binds"
            )
        }
    }
}

/// What the app role may do in this version of the schema, and nothing more. Row-level
/// security narrows each grant to the caller's rows.
enum AppRoleGrants {
    static func statements(for role: SQLIdentifier) -> [String] {
        [
            "REVOKE ALL ON ALL TABLES IN SCHEMA portico FROM \(role)",
            "REVOKE ALL ON ALL SEQUENCES IN SCHEMA portico FROM \(role)",
            "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA portico FROM \(role)",
            "GRANT USAGE ON SCHEMA portico TO \(role)",
            "GRANT SELECT, INSERT, UPDATE ON portico.tenants TO \(role)",
            """
            GRANT SELECT, UPDATE (display_name, password_hash, password_is_temporary,
                temporary_password_expires_at, password_changed_at)
            ON portico.auth_users TO \(role)
            """,
            "GRANT SELECT ON portico.operators TO \(role)",
            "GRANT SELECT, INSERT, UPDATE ON portico.clients TO \(role)",
            "GRANT SELECT, INSERT, DELETE ON portico.memberships TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON portico.sessions TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON portico.login_attempts TO \(role)",
            "GRANT SELECT ON portico.invite_events TO \(role)",
            "GRANT SELECT, INSERT, UPDATE ON portico.outbox TO \(role)",
            // A site never moves to another client or tenant, and is archived, not deleted.
            """
            GRANT SELECT, INSERT, UPDATE (name, address_line1, address_line2, city, region,
                postal_code, country_code, access_notes, archived_at, updated_at)
            ON portico.locations TO \(role)
            """,
            """
            GRANT SELECT, INSERT, DELETE,
                UPDATE (currency_code, default_cap_minor, updated_at, updated_by_user_id)
            ON portico.nte_profiles TO \(role)
            """,
            "GRANT SELECT, INSERT, DELETE ON portico.nte_caps TO \(role)",
            "GRANT SELECT, INSERT, UPDATE ON portico.work_order_counters TO \(role)",
            // A work order never moves to another client, site or number, and is never
            // deleted; its history is append-only.
            """
            GRANT SELECT, INSERT, UPDATE (title, description, trade, priority, status,
                assigned_tech_membership_id, assigned_tech_user_id, assigned_tech_name, scheduled_at,
                nte_cap_minor, currency_code, completed_at, updated_at, quote_needed, resume_status,
                close_due_at, signed_off_at, signed_off_by_name)
            ON portico.work_orders TO \(role)
            """,
            "GRANT SELECT, INSERT, UPDATE ON portico.tenant_settings TO \(role)",
            // Cost lines are never edited or deleted: invoices are priced from them.
            "GRANT SELECT, INSERT ON portico.work_order_cost_lines TO \(role)",
            """
            GRANT SELECT, INSERT, UPDATE (status, decided_by_user_id, decided_by_name, decided_at, decision_note)
            ON portico.nte_increases TO \(role)
            """,
            "GRANT SELECT, INSERT ON portico.work_order_events TO \(role)",
            "GRANT SELECT, INSERT ON portico.work_order_comments TO \(role)",
            """
            GRANT EXECUTE ON FUNCTION
                portico.current_tenant_id(), portico.current_user_id(),
                portico.current_role_name(), portico.current_client_id(),
                portico.session_principal(bytea), portico.login_candidate(text),
                portico.bootstrap_operator(text, text, text),
                portico.invite_quota(uuid), portico.claim_invite_slot(uuid, text, uuid),
                portico.invite_login(text, text, text, timestamptz),
                portico.reset_temporary_password(uuid, text, timestamptz),
                portico.delete_login_if_orphaned(uuid), portico.close_due_work_orders(integer),
                portico.live_sessions(uuid[])
            TO \(role)
            """,
        ]
    }
}
