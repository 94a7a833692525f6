extension Migration0001 {
    static let tableNames = [
        "schema_migrations", "tenants", "auth_users", "operators", "clients", "memberships",
        "sessions", "login_attempts",
    ]

    /// FORCE binds the owner too, so each table also gets `owner_all` for the role
    /// running the migration: migrations and the SECURITY DEFINER functions run as it.
    static let rowSecurity: [String] = tableNames.flatMap { table in
        [
            "ALTER TABLE portico.\(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE portico.\(table) FORCE ROW LEVEL SECURITY",
            """
            CREATE POLICY owner_all ON portico.\(table) TO CURRENT_USER
                USING (true) WITH CHECK (true)
            """,
        ]
    }

    /// The app role's policies. They are written `TO PUBLIC` because the migration
    /// does not know the app role's name; only the app role is granted anything on
    /// these tables (and the owner's `owner_all` already admits every row), so in
    /// practice they bind exactly the app role.
    ///
    /// Tenant isolation is strict: with a tenant in the context, even the caller's own
    /// memberships in other tenants (and those tenants and clients) are invisible.
    /// Listing a login's memberships across tenants needs a context with a user and no
    /// tenant.
    static let policies = tenantPolicies + identityPolicies + clientPolicies
        + membershipPolicies + sessionPolicies

    static let tenantPolicies = [
        """
        CREATE POLICY tenants_operator_select ON portico.tenants FOR SELECT
            USING (portico.current_role_name() = 'OPERATOR')
        """,
        """
        CREATE POLICY tenants_operator_insert ON portico.tenants FOR INSERT
            WITH CHECK (portico.current_role_name() = 'OPERATOR')
        """,
        """
        CREATE POLICY tenants_operator_update ON portico.tenants FOR UPDATE
            USING (portico.current_role_name() = 'OPERATOR')
            WITH CHECK (portico.current_role_name() = 'OPERATOR')
        """,
        """
        CREATE POLICY tenants_current_select ON portico.tenants FOR SELECT
            USING (id = portico.current_tenant_id())
        """,
        """
        CREATE POLICY tenants_membership_select ON portico.tenants FOR SELECT
            USING (
                portico.current_tenant_id() IS NULL
                AND EXISTS (
                    SELECT 1 FROM portico.memberships m
                    WHERE m.tenant_id = tenants.id AND m.user_id = portico.current_user_id()
                )
            )
        """,
    ]

    static let identityPolicies = [
        """
        CREATE POLICY auth_users_own_select ON portico.auth_users FOR SELECT
            USING (id = portico.current_user_id())
        """,
        """
        CREATE POLICY auth_users_own_update ON portico.auth_users FOR UPDATE
            USING (id = portico.current_user_id())
            WITH CHECK (id = portico.current_user_id())
        """,
        """
        CREATE POLICY auth_users_operator_select ON portico.auth_users FOR SELECT
            USING (portico.current_role_name() = 'OPERATOR')
        """,
        """
        CREATE POLICY operators_own_select ON portico.operators FOR SELECT
            USING (user_id = portico.current_user_id())
        """,
        """
        CREATE POLICY operators_operator_select ON portico.operators FOR SELECT
            USING (portico.current_role_name() = 'OPERATOR')
        """,
        """
        CREATE POLICY login_attempts_all ON portico.login_attempts
            USING (true) WITH CHECK (true)
        """,
    ]

    static let clientPolicies = [
        """
        CREATE POLICY clients_tenant_select ON portico.clients FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() IN ('ADMIN', 'TECH')
                    OR id = portico.current_client_id()
                )
            )
        """,
        """
        CREATE POLICY clients_membership_select ON portico.clients FOR SELECT
            USING (
                portico.current_tenant_id() IS NULL
                AND EXISTS (
                    SELECT 1 FROM portico.memberships m
                    WHERE m.tenant_id = clients.tenant_id AND m.client_id = clients.id
                        AND m.user_id = portico.current_user_id()
                )
            )
        """,
        """
        CREATE POLICY clients_admin_insert ON portico.clients FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
            )
        """,
        """
        CREATE POLICY clients_admin_update ON portico.clients FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
            )
        """,
    ]

    static let membershipPolicies = [
        """
        CREATE POLICY memberships_own_select ON portico.memberships FOR SELECT
            USING (
                user_id = portico.current_user_id()
                AND (
                    portico.current_tenant_id() IS NULL
                    OR tenant_id = portico.current_tenant_id()
                )
            )
        """,
        """
        CREATE POLICY memberships_admin_select ON portico.memberships FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
            )
        """,
        """
        CREATE POLICY memberships_owner_select ON portico.memberships FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND client_id = portico.current_client_id()
                AND portico.current_role_name() = 'OWNER'
            )
        """,
    ]

    /// Sessions belong to the login, not to one tenant: a user's own sessions are
    /// visible in any of their contexts (ChangePassword ends all of them).
    static let sessionPolicies = [
        """
        CREATE POLICY sessions_own ON portico.sessions
            USING (user_id = portico.current_user_id())
            WITH CHECK (user_id = portico.current_user_id())
        """
    ]
}
