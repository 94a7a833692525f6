extension Migration {
    /// What a work order costs and how it ends (Schema/README.md rules 9, 12 and 14):
    /// the tenant's settings (markup, time zone), cost lines held under the cap by the database,
    /// NTE increases, the client's sign-off and reopen, and the auto-close.
    static let costsAndCompletion = Migration(
        version: 8,
        name: "costs_and_completion",
        statements: Migration0008.tables + Migration0008.functions + Migration0008.rowSecurity
            + Migration0008.policies + [Migration0008.revokeFromPublic]
    )
}

/// The SQL of migration 0008. Frozen once shipped.
enum Migration0008 {
    static let tables = [
        // The contractor's settings: the markup on every cost line (in basis points:
        // 1500 is 15%), and the time zone business days are counted in. Its own table,
        // because every member of a tenant reads the tenants row and the markup is
        // for the contractor's eyes only (rule 9). No row means the defaults.
        """
        CREATE TABLE portico.tenant_settings (
            tenant_id uuid PRIMARY KEY REFERENCES portico.tenants (id),
            markup_basis_points integer NOT NULL DEFAULT 0 CHECK (markup_basis_points BETWEEN 0 AND 100000),
            time_zone text NOT NULL DEFAULT 'UTC' CHECK (char_length(time_zone) BETWEEN 1 AND 64),
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        // `resume_status` is where a work order goes back to once its NTE increase is
        // decided; `close_due_at` is when a COMPLETED one closes by itself (3 business
        // days after completion, in the tenant's time zone) and until when a client may
        // reopen it.
        """
        ALTER TABLE portico.work_orders
            ADD COLUMN quote_needed boolean NOT NULL DEFAULT false,
            ADD COLUMN resume_status text CHECK (resume_status IN ('OPEN', 'ACTIVE', 'ON_HOLD')),
            ADD COLUMN close_due_at timestamptz,
            ADD COLUMN signed_off_at timestamptz,
            ADD COLUMN signed_off_by_name text CHECK (char_length(signed_off_by_name) <= 200),
            ADD CHECK ((status = 'PENDING_AUTHORIZATION') = (resume_status IS NOT NULL))
        """,
        "CREATE INDEX work_orders_close_due_idx ON portico.work_orders (close_due_at) WHERE status = 'COMPLETED'",
        // A labour line is hours × rate, a parts line quantity × unit cost; quantities
        // have three decimals. The markup is the tenant's when the line is added. Cost
        // and billable amounts are computed by the database, rounded half away from
        // zero, so nobody can store a total that disagrees with its line.
        """
        CREATE TABLE portico.work_order_cost_lines (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            seq bigint GENERATED ALWAYS AS IDENTITY,
            work_order_id uuid NOT NULL,
            kind text NOT NULL CHECK (kind IN ('LABOUR', 'PARTS')),
            description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
            quantity_milli bigint NOT NULL CHECK (quantity_milli BETWEEN 1 AND 10000000),
            unit_cost_minor bigint NOT NULL CHECK (unit_cost_minor BETWEEN 1 AND 1000000000000),
            currency_code text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
            markup_basis_points integer NOT NULL CHECK (markup_basis_points BETWEEN 0 AND 100000),
            cost_minor bigint GENERATED ALWAYS AS (
                round(quantity_milli::numeric * unit_cost_minor / 1000)::bigint
            ) STORED,
            billable_minor bigint GENERATED ALWAYS AS (
                round(round(quantity_milli::numeric * unit_cost_minor / 1000)
                    * (10000 + markup_basis_points) / 10000)::bigint
            ) STORED,
            added_by_user_id uuid,
            added_by_name text NOT NULL CHECK (char_length(added_by_name) <= 200),
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, work_order_id) REFERENCES portico.work_orders (tenant_id, id)
        )
        """,
        """
        CREATE INDEX work_order_cost_lines_order_idx
            ON portico.work_order_cost_lines (tenant_id, work_order_id, seq)
        """,
        // A quote: the cap the contractor asks for and why; the owner approves or
        // rejects it. At most one waits per work order.
        """
        CREATE TABLE portico.nte_increases (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            work_order_id uuid NOT NULL,
            client_id uuid NOT NULL,
            previous_cap_minor bigint,
            requested_cap_minor bigint NOT NULL CHECK (requested_cap_minor BETWEEN 1 AND 1000000000000),
            currency_code text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
            reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
            status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
            requested_by_user_id uuid,
            requested_by_name text NOT NULL CHECK (char_length(requested_by_name) <= 200),
            requested_at timestamptz NOT NULL DEFAULT now(),
            decided_by_user_id uuid,
            decided_by_name text CHECK (char_length(decided_by_name) <= 200),
            decided_at timestamptz,
            decision_note text NOT NULL DEFAULT '' CHECK (char_length(decision_note) <= 2000),
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, work_order_id) REFERENCES portico.work_orders (tenant_id, id),
            CHECK ((status = 'PENDING') = (decided_at IS NULL))
        )
        """,
        """
        CREATE UNIQUE INDEX nte_increases_pending_key
            ON portico.nte_increases (tenant_id, work_order_id) WHERE status = 'PENDING'
        """,
        """
        CREATE INDEX nte_increases_work_order_idx
            ON portico.nte_increases (tenant_id, work_order_id, requested_at)
        """,
    ]

    /// New functions are executable by PUBLIC; only the grants decide who calls one.
    static let revokeFromPublic = "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA portico FROM PUBLIC"

    static let functions = [
        formatMinor, costLineGuard, costLineTrigger, clientChangeGuard, clientChangeTrigger, closeDueWorkOrders,
    ]

    /// An amount for a message: "USD 12.50" (two decimals, as every currency a tenant
    /// bills in today has).
    static let formatMinor = """
        CREATE FUNCTION portico.format_minor(p_minor bigint, p_currency text) RETURNS text
        LANGUAGE sql IMMUTABLE
        SET search_path = pg_catalog
        AS $$
            SELECT p_currency || ' ' || (p_minor / 100)::text || '.' || lpad((abs(p_minor) % 100)::text, 2, '0')
        $$
        """

    /// Before a cost line goes in: lock its work order's row (so concurrent lines take
    /// turns), stamp the tenant's markup, and refuse the line when the work order's
    /// billable total would pass its cap, saying by how much. SECURITY DEFINER so the
    /// lock and the sums see every line; the insert policy has already decided the
    /// caller may add to this work order.
    static let costLineGuard = """
        CREATE FUNCTION portico.cost_line_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_cap bigint;
            v_currency text;
            v_status text;
            v_total bigint;
            v_line bigint;
        BEGIN
            SELECT w.nte_cap_minor, w.currency_code, w.status INTO v_cap, v_currency, v_status
            FROM portico.work_orders w
            WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.work_order_id
            FOR NO KEY UPDATE;
            IF NOT FOUND THEN
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

    static let costLineTrigger = """
        CREATE TRIGGER work_order_cost_lines_guard BEFORE INSERT ON portico.work_order_cost_lines
            FOR EACH ROW EXECUTE FUNCTION portico.cost_line_guard()
        """

    /// Rule 14 in the database: a client user may change a work order only by signing
    /// it off (COMPLETED → CLOSED), reopening it before `close_due_at`, or deciding its
    /// NTE increase (PENDING_AUTHORIZATION → its `resume_status`, the cap raised or
    /// not). Anything else, or any other column, is refused.
    static let clientChangeGuard = """
        CREATE FUNCTION portico.work_order_client_guard() RETURNS trigger
        LANGUAGE plpgsql
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        BEGIN
            IF coalesce(portico.current_role_name(), '') NOT IN ('OWNER', 'MEMBER') THEN
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
            IF NOT (
                (OLD.status = 'COMPLETED' AND NEW.status = 'CLOSED')
                OR (OLD.status IN ('COMPLETED', 'CLOSED') AND NEW.status IN ('OPEN', 'ACTIVE')
                    AND OLD.close_due_at > now())
                OR (OLD.status = 'PENDING_AUTHORIZATION' AND NEW.status = OLD.resume_status
                    AND portico.current_role_name() = 'OWNER')
            ) OR (
                (NEW.nte_cap_minor, NEW.currency_code) IS DISTINCT FROM (OLD.nte_cap_minor, OLD.currency_code)
                AND OLD.status <> 'PENDING_AUTHORIZATION'
            )
            THEN
                RAISE EXCEPTION USING ERRCODE = 'PT403', MESSAGE = 'clients cannot edit a work order';
            END IF;
            RETURN NEW;
        END
        $$
        """

    static let clientChangeTrigger = """
        CREATE TRIGGER work_orders_client_guard BEFORE UPDATE ON portico.work_orders
            FOR EACH ROW EXECUTE FUNCTION portico.work_order_client_guard()
        """

    /// The auto-close: up to `p_limit` COMPLETED work orders whose `close_due_at` has
    /// passed become CLOSED, each with its history entry. `SKIP LOCKED` lets every
    /// server instance run it at once: each work order is closed by exactly one, and a
    /// work order a client is signing off just now is left to them. SECURITY DEFINER
    /// because the job acts for no tenant; it touches nothing else.
    static let closeDueWorkOrders = """
        CREATE FUNCTION portico.close_due_work_orders(p_limit integer)
        RETURNS TABLE (tenant_id uuid, work_order_id uuid)
        LANGUAGE sql VOLATILE SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
            WITH due AS (
                SELECT w.tenant_id, w.id FROM portico.work_orders w
                WHERE w.status = 'COMPLETED' AND w.close_due_at <= now()
                ORDER BY w.close_due_at
                LIMIT p_limit
                FOR NO KEY UPDATE SKIP LOCKED
            ), closed AS (
                UPDATE portico.work_orders w SET status = 'CLOSED', updated_at = now()
                FROM due WHERE w.tenant_id = due.tenant_id AND w.id = due.id AND w.status = 'COMPLETED'
                RETURNING w.tenant_id, w.id
            ), recorded AS (
                INSERT INTO portico.work_order_events (tenant_id, work_order_id, by_name, from_status, to_status, note)
                SELECT closed.tenant_id, closed.id, 'Portico', 'COMPLETED', 'CLOSED',
                    'closed without a sign-off, 3 business days after completion'
                FROM closed
            )
            SELECT closed.tenant_id, closed.id FROM closed
        $$
        """

    static let rowSecurity = ["tenant_settings", "work_order_cost_lines", "nte_increases"].flatMap { table in
        [
            "ALTER TABLE portico.\(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE portico.\(table) FORCE ROW LEVEL SECURITY",
            """
            CREATE POLICY owner_all ON portico.\(table) TO CURRENT_USER
                USING (true) WITH CHECK (true)
            """,
        ]
    }

    /// Settings are the contractor's: its staff read them (business days, markup), its
    /// admins change them. Cost lines are the contractor's alone (rule 9): admins and the work order's
    /// assigned technician; no client role ever sees a row. NTE increases are seen by
    /// admins and the company's owner (never a member: money, rule 7); admins file
    /// them, the owner decides. Client users may update a work order of their company,
    /// within what `work_order_client_guard` allows.
    static let policies = [
        """
        CREATE POLICY tenant_settings_staff ON portico.tenant_settings FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('ADMIN', 'TECH')
            )
        """,
        """
        CREATE POLICY tenant_settings_admin ON portico.tenant_settings FOR ALL
            USING (tenant_id = portico.current_tenant_id() AND portico.current_role_name() = 'ADMIN')
            WITH CHECK (tenant_id = portico.current_tenant_id() AND portico.current_role_name() = 'ADMIN')
        """,
        """
        CREATE POLICY work_order_cost_lines_staff ON portico.work_order_cost_lines FOR ALL
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('ADMIN', 'TECH')
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_cost_lines.tenant_id AND w.id = work_order_cost_lines.work_order_id
                )
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('ADMIN', 'TECH')
                AND added_by_user_id = portico.current_user_id()
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_cost_lines.tenant_id AND w.id = work_order_cost_lines.work_order_id
                )
            )
        """,
        """
        CREATE POLICY nte_increases_select ON portico.nte_increases FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (portico.current_role_name() = 'OWNER' AND client_id = portico.current_client_id())
                )
            )
        """,
        """
        CREATE POLICY nte_increases_insert ON portico.nte_increases FOR INSERT
            WITH CHECK (tenant_id = portico.current_tenant_id() AND portico.current_role_name() = 'ADMIN')
        """,
        """
        CREATE POLICY nte_increases_decide ON portico.nte_increases FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND client_id = portico.current_client_id()
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND client_id = portico.current_client_id()
                AND decided_by_user_id = portico.current_user_id()
            )
        """,
        """
        CREATE POLICY work_orders_client_update ON portico.work_orders FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('OWNER', 'MEMBER')
                AND client_id = portico.current_client_id()
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('OWNER', 'MEMBER')
                AND client_id = portico.current_client_id()
            )
        """,
    ]
}
