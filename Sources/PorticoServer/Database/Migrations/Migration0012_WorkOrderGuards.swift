extension Migration {
    /// The work-order guards made to hold on their own, whoever writes (a review found
    /// them leaning on the server's checks):
    /// - `cost_line_guard` runs before the insert policy is checked, so it now checks
    ///   the caller itself (the tenant's ADMIN, or the assigned TECH) before it locks or
    ///   reveals anything about the work order;
    /// - `work_order_client_guard` pins every column a client's move must not touch
    ///   (the window, the signature, the cap except to the waiting increase's amount);
    /// - an owner decides only a waiting increase, and only to approve or reject it;
    /// - `live_sessions` lets a server end watch streams whose session is gone.
    static let workOrderGuards = Migration(
        version: 12,
        name: "work_order_guards",
        statements: Migration0012.statements + [Migration0008.revokeFromPublic]
    )
}

/// The SQL of migration 0012. Frozen once shipped.
enum Migration0012 {
    static let statements = [costLineGuard, clientChangeGuard, liveSessions] + decidePolicy

    static let costLineGuard = """
        CREATE OR REPLACE FUNCTION portico.cost_line_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_role text := coalesce(portico.current_role_name(), '');
            v_cap bigint;
            v_currency text;
            v_status text;
            v_tech_membership uuid;
            v_tech_user uuid;
            v_total bigint;
            v_line bigint;
        BEGIN
            IF NEW.tenant_id IS DISTINCT FROM portico.current_tenant_id() OR v_role NOT IN ('ADMIN', 'TECH') THEN
                RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'permission denied for cost lines';
            END IF;
            SELECT w.nte_cap_minor, w.currency_code, w.status, w.assigned_tech_membership_id, w.assigned_tech_user_id
            INTO v_cap, v_currency, v_status, v_tech_membership, v_tech_user
            FROM portico.work_orders w
            WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.work_order_id
            FOR NO KEY UPDATE;
            IF NOT FOUND OR (v_role = 'TECH' AND (v_tech_membership IS NULL
                OR v_tech_user IS DISTINCT FROM portico.current_user_id()))
            THEN
                RAISE EXCEPTION USING ERRCODE = 'PT404', MESSAGE = 'work order not found';
            END IF;
            IF v_status NOT IN ('OPEN', 'ACTIVE', 'ON_HOLD', 'PENDING_AUTHORIZATION', 'COMPLETED') THEN
                RAISE EXCEPTION USING ERRCODE = 'PT412',
                    MESSAGE = format('a %s work order takes no more cost lines', v_status);
            END IF;
            IF v_currency IS NULL THEN
                SELECT l.currency_code INTO v_currency FROM portico.work_order_cost_lines l
                WHERE l.tenant_id = NEW.tenant_id AND l.work_order_id = NEW.work_order_id
                LIMIT 1;
            END IF;
            IF v_currency IS NOT NULL AND NEW.currency_code <> v_currency THEN
                RAISE EXCEPTION USING ERRCODE = 'PT400',
                    MESSAGE = format('unit_cost.currency_code: the work order is in %s', v_currency);
            END IF;
            NEW.markup_basis_points := coalesce(
                (SELECT t.markup_basis_points FROM portico.tenant_settings t WHERE t.tenant_id = NEW.tenant_id), 0
            );
            v_line := round(round(NEW.quantity_milli::numeric * NEW.unit_cost_minor / 1000)
                * (10000 + NEW.markup_basis_points) / 10000);
            SELECT coalesce(sum(l.billable_minor), 0) INTO v_total FROM portico.work_order_cost_lines l
            WHERE l.tenant_id = NEW.tenant_id AND l.work_order_id = NEW.work_order_id;
            IF v_cap IS NOT NULL AND v_total + v_line > v_cap THEN
                RAISE EXCEPTION USING ERRCODE = 'PT412',
                    MESSAGE = format(
                        'the line (%s billable) would take the work order %s over its NTE cap of %s; '
                        || 'flag "quote needed" or request an NTE increase',
                        portico.format_minor(v_line, v_currency),
                        portico.format_minor(v_total + v_line - v_cap, v_currency),
                        portico.format_minor(v_cap, v_currency)
                    );
            END IF;
            RETURN NEW;
        END
        $$
        """

    /// A client's three moves, each with exactly the columns it may change:
    /// - sign-off, COMPLETED → CLOSED: the signature only;
    /// - reopen, COMPLETED or CLOSED → ACTIVE (OPEN without a technician) before
    ///   `close_due_at`: completion, window and signature cleared;
    /// - the owner's decision, PENDING_AUTHORIZATION → `resume_status` (OPEN when it
    ///   was ACTIVE and nobody is assigned now): the cap unchanged, or the waiting
    ///   increase's amount in its currency.
    static let clientChangeGuard = """
        CREATE OR REPLACE FUNCTION portico.work_order_client_guard() RETURNS trigger
        LANGUAGE plpgsql
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_role text := coalesce(portico.current_role_name(), '');
            v_allowed boolean;
        BEGIN
            IF v_role NOT IN ('OWNER', 'MEMBER') THEN
                RETURN NEW;
            END IF;
            IF (NEW.title, NEW.description, NEW.trade, NEW.priority, NEW.assigned_tech_membership_id,
                NEW.assigned_tech_user_id, NEW.assigned_tech_name, NEW.scheduled_at, NEW.quote_needed)
                IS DISTINCT FROM
               (OLD.title, OLD.description, OLD.trade, OLD.priority, OLD.assigned_tech_membership_id,
                OLD.assigned_tech_user_id, OLD.assigned_tech_name, OLD.scheduled_at, OLD.quote_needed)
            THEN
                RAISE EXCEPTION USING ERRCODE = 'PT403', MESSAGE = 'clients cannot edit a work order';
            END IF;
            IF OLD.status = 'COMPLETED' AND NEW.status = 'CLOSED' THEN
                v_allowed := (NEW.completed_at, NEW.close_due_at, NEW.resume_status, NEW.nte_cap_minor, NEW.currency_code)
                    IS NOT DISTINCT FROM
                    (OLD.completed_at, OLD.close_due_at, OLD.resume_status, OLD.nte_cap_minor, OLD.currency_code)
                    AND NEW.signed_off_at IS NOT NULL;
            ELSIF OLD.status IN ('COMPLETED', 'CLOSED') AND NEW.status IN ('OPEN', 'ACTIVE') THEN
                v_allowed := OLD.close_due_at > now()
                    AND (OLD.status = 'COMPLETED' OR OLD.signed_off_at IS NOT NULL)
                    AND NEW.status = CASE WHEN OLD.assigned_tech_membership_id IS NULL THEN 'OPEN' ELSE 'ACTIVE' END
                    AND NEW.completed_at IS NULL AND NEW.close_due_at IS NULL
                    AND NEW.signed_off_at IS NULL AND NEW.signed_off_by_name IS NULL
                    AND (NEW.nte_cap_minor, NEW.currency_code) IS NOT DISTINCT FROM (OLD.nte_cap_minor, OLD.currency_code);
            ELSIF OLD.status = 'PENDING_AUTHORIZATION' AND v_role = 'OWNER' THEN
                v_allowed := NEW.status = CASE
                        WHEN OLD.resume_status = 'ACTIVE' AND OLD.assigned_tech_membership_id IS NULL THEN 'OPEN'
                        ELSE OLD.resume_status
                    END
                    AND NEW.resume_status IS NULL
                    AND (NEW.completed_at, NEW.close_due_at, NEW.signed_off_at, NEW.signed_off_by_name)
                        IS NOT DISTINCT FROM (OLD.completed_at, OLD.close_due_at, OLD.signed_off_at, OLD.signed_off_by_name)
                    AND (
                        (NEW.nte_cap_minor, NEW.currency_code) IS NOT DISTINCT FROM (OLD.nte_cap_minor, OLD.currency_code)
                        OR EXISTS (
                            SELECT 1 FROM portico.nte_increases i
                            WHERE i.tenant_id = OLD.tenant_id AND i.work_order_id = OLD.id AND i.status = 'PENDING'
                                AND i.requested_cap_minor = NEW.nte_cap_minor AND i.currency_code = NEW.currency_code
                        )
                    );
            ELSE
                v_allowed := false;
            END IF;
            IF NOT coalesce(v_allowed, false) THEN
                RAISE EXCEPTION USING ERRCODE = 'PT403', MESSAGE = 'clients cannot edit a work order';
            END IF;
            RETURN NEW;
        END
        $$
        """

    /// Which of the given sessions still exist. SECURITY DEFINER because sessions are
    /// visible only to their own context; it tells no more than whether an id a server
    /// already holds is still alive.
    static let liveSessions = """
        CREATE FUNCTION portico.live_sessions(p_ids uuid[]) RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
            SELECT s.id FROM portico.sessions s WHERE s.id = ANY(p_ids) AND s.expires_at > now()
        $$
        """

    static let decidePolicy = [
        "DROP POLICY nte_increases_decide ON portico.nte_increases",
        """
        CREATE POLICY nte_increases_decide ON portico.nte_increases FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND client_id = portico.current_client_id()
                AND status = 'PENDING'
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND client_id = portico.current_client_id()
                AND decided_by_user_id = portico.current_user_id()
                AND status IN ('APPROVED', 'REJECTED')
            )
        """,
    ]
}
