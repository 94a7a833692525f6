extension Migration0002 {
    static let functions = [inviteQuota, claimInviteSlot, inviteLogin, resetTemporaryPassword, deleteLoginIfOrphaned]

    /// The rolling 24-hour window of one tenant: counted invites in it, the tenant's
    /// limit, and (when the limit is reached) when enough of the oldest invites age out
    /// for one more. Runs with the caller's rights, so an admin sees only their own
    /// tenant's quota. `clock_timestamp()`, not `now()`: a transaction that waited for
    /// the tenant's lock must see the window as it is when it gets it.
    static let inviteQuota = """
        CREATE FUNCTION portico.invite_quota(p_tenant_id uuid)
        RETURNS TABLE (used integer, invite_limit integer, next_free_at timestamptz)
        LANGUAGE sql VOLATILE
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
            WITH recent AS (
                SELECT e.created_at FROM portico.invite_events e
                WHERE e.tenant_id = p_tenant_id AND e.counted
                    AND e.created_at > clock_timestamp() - interval '24 hours'
            ),
            counted AS (SELECT count(*)::integer AS n FROM recent)
            SELECT counted.n, t.invite_limit,
                CASE WHEN counted.n >= t.invite_limit THEN (
                    SELECT r.created_at + interval '24 hours' FROM recent r
                    ORDER BY r.created_at
                    OFFSET counted.n - t.invite_limit LIMIT 1
                ) END
            FROM portico.tenants t, counted
            WHERE t.id = p_tenant_id
        $$
        """

    /// Rule 10, exact under concurrency and across server instances: the tenant row's
    /// lock serializes a tenant's invites until their transactions end, and the count
    /// is taken after the lock is held. Records the invite (an uncounted one for the
    /// operator's first ADMIN) and returns the quota after it; raises PT429 with the
    /// time of the next free slot when the limit is reached. Call it first in the
    /// invite's transaction (READ COMMITTED), so a refused or failed invite leaves no
    /// trace.
    static let claimInviteSlot = """
        CREATE FUNCTION portico.claim_invite_slot(
            p_tenant_id uuid, p_kind text, p_membership_id uuid
        )
        RETURNS TABLE (used integer, invite_limit integer, next_free_at timestamptz)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        #variable_conflict use_column
        DECLARE
            v_role text := portico.current_role_name();
            v_counted boolean := p_kind <> 'ADMIN';
            v_quota record;
        BEGIN
            IF NOT coalesce(
                (v_role = 'OPERATOR' AND p_kind = 'ADMIN')
                OR (
                    v_role = 'ADMIN' AND p_kind IN ('TECH', 'OWNER', 'RESEND')
                    AND p_tenant_id = portico.current_tenant_id()
                )
                OR (
                    v_role = 'OWNER' AND p_kind IN ('MEMBER', 'RESEND')
                    AND p_tenant_id = portico.current_tenant_id()
                ),
                false
            ) THEN
                RAISE EXCEPTION USING ERRCODE = 'PT403', MESSAGE = 'not allowed to send this invite';
            END IF;
            PERFORM 1 FROM portico.tenants t WHERE t.id = p_tenant_id FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'PT404', MESSAGE = 'tenant not found';
            END IF;
            IF v_counted THEN
                SELECT * INTO v_quota FROM portico.invite_quota(p_tenant_id);
                IF v_quota.used >= v_quota.invite_limit THEN
                    RAISE EXCEPTION USING ERRCODE = 'PT429', MESSAGE = format(
                        'the limit of %s invites per 24 hours is reached; the next invite is possible at %s',
                        v_quota.invite_limit,
                        to_char(v_quota.next_free_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    );
                END IF;
            END IF;
            INSERT INTO portico.invite_events (tenant_id, kind, counted, membership_id, invited_by_user_id)
                VALUES (p_tenant_id, p_kind, v_counted, p_membership_id, portico.current_user_id());
            RETURN QUERY SELECT * FROM portico.invite_quota(p_tenant_id);
        END
        $$
        """

    /// Rule 11: an invite reaches a login in any tenant, which the inviter's policies
    /// cannot see. Returns the login with the given email, creating it (temporary
    /// password, expiry) when there is none; `created` tells which, so the caller
    /// sends a temporary password or a notice. The email is stored as given: the
    /// caller normalizes it. A login removed at the same moment is retried once.
    static let inviteLogin = """
        CREATE FUNCTION portico.invite_login(
            p_email text, p_display_name text, p_password_hash text, p_expires_at timestamptz
        )
        RETURNS TABLE (user_id uuid, created boolean)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        #variable_conflict use_column
        DECLARE
            v_id uuid;
        BEGIN
            IF NOT coalesce(portico.current_role_name() IN ('OPERATOR', 'ADMIN', 'OWNER'), false) THEN
                RAISE EXCEPTION USING ERRCODE = 'PT403', MESSAGE = 'not allowed to invite';
            END IF;
            FOR attempt IN 1..2 LOOP
                INSERT INTO portico.auth_users (
                    email, display_name, password_hash, password_is_temporary,
                    temporary_password_expires_at
                ) VALUES (p_email, p_display_name, p_password_hash, true, p_expires_at)
                ON CONFLICT ((lower(email))) DO NOTHING
                RETURNING id INTO v_id;
                IF v_id IS NOT NULL THEN
                    RETURN QUERY SELECT v_id, true;
                    RETURN;
                END IF;
                SELECT u.id INTO v_id FROM portico.auth_users u
                WHERE lower(u.email) = lower(p_email) FOR KEY SHARE;
                IF v_id IS NOT NULL THEN
                    RETURN QUERY SELECT v_id, false;
                    RETURN;
                END IF;
            END LOOP;
            RAISE EXCEPTION USING ERRCODE = 'PT409',
                MESSAGE = 'the login changed at the same moment; try again';
        END
        $$
        """

    /// ResendInvite: a new temporary password for a login that never set its own,
    /// reachable only through a membership the caller may manage (admins: any user of
    /// their tenant; owners: their own company's MEMBERs). The old password and every
    /// session made with it stop working. Returns the login and its email.
    static let resetTemporaryPassword = """
        CREATE FUNCTION portico.reset_temporary_password(
            p_membership_id uuid, p_password_hash text, p_expires_at timestamptz
        )
        RETURNS TABLE (user_id uuid, email text)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        #variable_conflict use_column
        DECLARE
            v_user uuid;
            v_email text;
        BEGIN
            SELECT m.user_id INTO v_user FROM portico.memberships m
            WHERE m.tenant_id = portico.current_tenant_id() AND m.id = p_membership_id
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (
                        portico.current_role_name() = 'OWNER' AND m.role = 'MEMBER'
                        AND m.client_id = portico.current_client_id()
                    )
                );
            IF v_user IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'PT404', MESSAGE = 'user not found';
            END IF;
            UPDATE portico.auth_users u
            SET password_hash = p_password_hash, temporary_password_expires_at = p_expires_at
            WHERE u.id = v_user AND u.password_is_temporary
            RETURNING u.email INTO v_email;
            IF v_email IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'PT412',
                    MESSAGE = 'the user has already set their own password';
            END IF;
            DELETE FROM portico.sessions s WHERE s.user_id = v_user;
            RETURN QUERY SELECT v_user, v_email;
        END
        $$
        """

    /// Rule 11's other half: once a login's last membership is gone (and it is no
    /// operator), the login goes too, so its email is free. The row lock makes a
    /// concurrent invite of the same login either wait for the deletion or keep the
    /// login alive; the checks run after it, on a fresh snapshot.
    static let deleteLoginIfOrphaned = """
        CREATE FUNCTION portico.delete_login_if_orphaned(p_user_id uuid)
        RETURNS boolean
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        BEGIN
            PERFORM 1 FROM portico.auth_users u WHERE u.id = p_user_id FOR UPDATE;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            IF EXISTS (SELECT 1 FROM portico.memberships m WHERE m.user_id = p_user_id)
                OR EXISTS (SELECT 1 FROM portico.operators o WHERE o.user_id = p_user_id)
            THEN
                RETURN false;
            END IF;
            DELETE FROM portico.auth_users u WHERE u.id = p_user_id;
            RETURN true;
        END
        $$
        """
}
