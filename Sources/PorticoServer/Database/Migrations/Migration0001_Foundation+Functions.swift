extension Migration0001 {
    /// What authentication needs before it knows whose context to set. Owned by the
    /// migrating role and run with its rights; every table is schema-qualified and
    /// `pg_temp` comes last in the search path so a caller cannot shadow a table.
    static let definerFunctions = [sessionPrincipal, loginCandidate, bootstrapOperator]

    /// One index lookup per authenticated call. PL/pgSQL (not SQL) so the plan is
    /// cached per connection instead of planned on every call. Role and client come
    /// from the membership, which the session's foreign key pins.
    static let sessionPrincipal = """
        CREATE FUNCTION portico.session_principal(p_token_hash bytea)
        RETURNS TABLE (
            session_id uuid, user_id uuid, email text, display_name text, role text,
            tenant_id uuid, tenant_name text, membership_id uuid, client_id uuid,
            client_name text, expires_at timestamptz, password_change_required boolean
        )
        LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        #variable_conflict use_column
        BEGIN
            RETURN QUERY
            SELECT s.id, s.user_id, u.email, u.display_name, s.role, s.tenant_id, t.name,
                   coalesce(s.membership_id, s.operator_id), m.client_id, c.name,
                   s.expires_at, s.password_change_required
            FROM portico.sessions s
            JOIN portico.auth_users u ON u.id = s.user_id
            LEFT JOIN portico.memberships m
                ON m.tenant_id = s.tenant_id AND m.id = s.membership_id
            LEFT JOIN portico.tenants t ON t.id = s.tenant_id
            LEFT JOIN portico.clients c ON c.tenant_id = m.tenant_id AND c.id = m.client_id
            WHERE s.token_hash = p_token_hash AND s.expires_at > now();
        END
        $$
        """

    /// Zero rows for an unknown email; the caller still hashes a dummy password so the
    /// answer takes the same time either way.
    static let loginCandidate = """
        CREATE FUNCTION portico.login_candidate(p_email text)
        RETURNS TABLE (
            user_id uuid, password_hash text, password_is_temporary boolean,
            temporary_password_expires_at timestamptz
        )
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
            SELECT u.id, u.password_hash, u.password_is_temporary, u.temporary_password_expires_at
            FROM portico.auth_users u
            WHERE lower(u.email) = lower(p_email)
        $$
        """

    /// Creates the first operator, once. The table lock makes a second server starting
    /// at the same moment wait, then see the first one's operator and return false.
    /// An email that already has a login is refused (PT409) rather than silently
    /// promoted to operator.
    static let bootstrapOperator = """
        CREATE FUNCTION portico.bootstrap_operator(
            p_email text, p_display_name text, p_password_hash text
        ) RETURNS boolean
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_user_id uuid;
        BEGIN
            LOCK TABLE portico.operators IN SHARE ROW EXCLUSIVE MODE;
            IF EXISTS (SELECT 1 FROM portico.operators) THEN
                RETURN false;
            END IF;
            IF EXISTS (SELECT 1 FROM portico.auth_users u WHERE lower(u.email) = lower(p_email)) THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'PT409',
                    MESSAGE = 'the operator email already belongs to another login';
            END IF;
            INSERT INTO portico.auth_users (email, display_name, password_hash)
                VALUES (p_email, p_display_name, p_password_hash)
                RETURNING id INTO v_user_id;
            INSERT INTO portico.operators (user_id) VALUES (v_user_id);
            RETURN true;
        END
        $$
        """

    /// Functions are executable by PUBLIC by default; the migrator grants EXECUTE to
    /// the app role alone.
    static let revokeExecuteFromPublic = [
        "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA portico FROM PUBLIC"
    ]
}
