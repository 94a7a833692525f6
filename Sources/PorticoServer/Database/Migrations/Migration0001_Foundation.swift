extension Migration {
    /// Tenants, identities, memberships, sessions and login throttling, with row-level
    /// security on every table and the definer functions authentication needs before it
    /// knows whose context to set.
    static let foundation = Migration(
        version: 1,
        name: "foundation",
        statements: Migration0001.privileges
            + Migration0001.contextFunctions
            + Migration0001.tables
            + Migration0001.rowSecurity
            + Migration0001.policies
            + Migration0001.definerFunctions
            + Migration0001.revokeExecuteFromPublic
    )
}

/// The SQL of migration 0001, grouped by concern. Frozen once shipped: later changes go
/// into new migrations.
enum Migration0001 {
    /// Nothing in `portico` is usable by PUBLIC: the migrator grants the app role
    /// exactly what it needs, and functions created later start without EXECUTE for
    /// PUBLIC too.
    static let privileges = [
        "REVOKE ALL ON SCHEMA portico FROM PUBLIC",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA portico REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
    ]

    /// The per-call context `Database.withContext` sets with `set_config(…, true)`.
    /// STABLE plain SQL so the planner inlines them and can use indexes on
    /// `tenant_id = portico.current_tenant_id()`. An unset or empty setting is NULL,
    /// and a comparison with NULL matches no row: no context, nothing visible.
    static let contextFunctions = [
        """
        CREATE FUNCTION portico.current_tenant_id() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('portico.tenant_id', true), '')::uuid $$
        """,
        """
        CREATE FUNCTION portico.current_user_id() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('portico.user_id', true), '')::uuid $$
        """,
        """
        CREATE FUNCTION portico.current_role_name() RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('portico.role', true), '') $$
        """,
        """
        CREATE FUNCTION portico.current_client_id() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(current_setting('portico.client_id', true), '')::uuid $$
        """,
    ]

    /// Tenant-scoped tables carry `tenant_id` first in their primary key and in every
    /// foreign key between them, so Citus can distribute them by tenant; `tenants`,
    /// `auth_users` and `operators` are small cross-tenant reference tables.
    static let tables = [
        """
        CREATE TABLE portico.tenants (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
            invite_limit integer NOT NULL DEFAULT 50 CHECK (invite_limit >= 0),
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE UNIQUE INDEX tenants_name_key ON portico.tenants (lower(name))",
        """
        CREATE TABLE portico.auth_users (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email text NOT NULL CHECK (char_length(email) BETWEEN 1 AND 320),
            display_name text NOT NULL DEFAULT '' CHECK (char_length(display_name) <= 200),
            password_hash text NOT NULL,
            password_is_temporary boolean NOT NULL DEFAULT false,
            temporary_password_expires_at timestamptz,
            password_changed_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE UNIQUE INDEX auth_users_email_key ON portico.auth_users (lower(email))",
        """
        CREATE TABLE portico.operators (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            user_id uuid NOT NULL UNIQUE REFERENCES portico.auth_users (id) ON DELETE CASCADE,
            created_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (id, user_id)
        )
        """,
        """
        CREATE TABLE portico.clients (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, id)
        )
        """,
        // (tenant_id, id, user_id, role) is unique so a session's foreign key can pin
        // the role it was issued for to the membership's role.
        """
        CREATE TABLE portico.memberships (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            user_id uuid NOT NULL REFERENCES portico.auth_users (id) ON DELETE CASCADE,
            client_id uuid,
            role text NOT NULL CHECK (role IN ('ADMIN', 'TECH', 'OWNER', 'MEMBER')),
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, id),
            UNIQUE (tenant_id, user_id),
            UNIQUE (tenant_id, id, user_id, role),
            FOREIGN KEY (tenant_id, client_id) REFERENCES portico.clients (tenant_id, id),
            CHECK ((client_id IS NULL) = (role IN ('ADMIN', 'TECH')))
        )
        """,
        "CREATE INDEX memberships_user_id_idx ON portico.memberships (user_id)",
        "CREATE INDEX memberships_client_idx ON portico.memberships (tenant_id, client_id)",
        // Product rule 2: a client has at most one OWNER.
        """
        CREATE UNIQUE INDEX memberships_one_owner_per_client
            ON portico.memberships (tenant_id, client_id) WHERE role = 'OWNER'
        """,
        // Deleting a membership, operator or user deletes its sessions in the same
        // statement, so a removed user's next call fails at once.
        """
        CREATE TABLE portico.sessions (
            id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
            user_id uuid NOT NULL REFERENCES portico.auth_users (id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('OPERATOR', 'ADMIN', 'TECH', 'OWNER', 'MEMBER')),
            tenant_id uuid,
            membership_id uuid,
            operator_id uuid,
            client_id uuid,
            password_change_required boolean NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz NOT NULL,
            FOREIGN KEY (tenant_id, membership_id, user_id, role)
                REFERENCES portico.memberships (tenant_id, id, user_id, role)
                ON DELETE CASCADE ON UPDATE CASCADE,
            FOREIGN KEY (operator_id, user_id) REFERENCES portico.operators (id, user_id)
                ON DELETE CASCADE,
            CHECK ((membership_id IS NULL) <> (operator_id IS NULL)),
            CHECK ((membership_id IS NULL) = (tenant_id IS NULL)),
            CHECK ((role = 'OPERATOR') = (operator_id IS NOT NULL)),
            CHECK (client_id IS NULL OR role IN ('OWNER', 'MEMBER'))
        )
        """,
        "CREATE INDEX sessions_user_id_idx ON portico.sessions (user_id)",
        "CREATE INDEX sessions_membership_idx ON portico.sessions (tenant_id, membership_id)",
        "CREATE INDEX sessions_operator_idx ON portico.sessions (operator_id)",
        // Keyed by the normalized email, known or not, so throttling never tells
        // whether an account exists.
        """
        CREATE TABLE portico.login_attempts (
            email_key text PRIMARY KEY,
            failed_count integer NOT NULL CHECK (failed_count >= 0),
            window_started_at timestamptz NOT NULL,
            locked_until timestamptz
        )
        """,
    ]
}
