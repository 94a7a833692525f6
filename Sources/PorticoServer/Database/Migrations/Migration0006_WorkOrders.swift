extension Migration {
    /// Work orders with their history and per-tenant numbers (Schema/README.md rules 5,
    /// 6, 7, 8, 12 and 14): clients see their company's, a technician the ones assigned
    /// to them, admins all of the tenant's; clients never change one after submitting.
    static let workOrders = Migration(
        version: 6,
        name: "work_orders",
        statements: Migration0006.tables + Migration0006.indexes + Migration0006.rowSecurity
            + Migration0006.policies
    )
}

/// The SQL of migration 0006. Frozen once shipped.
enum Migration0006 {
    static let tables = [
        // The last number given per tenant. Taking the next one updates this row, so
        // concurrent work orders of one tenant take turns and a rolled-back one gives
        // its number back: no gaps, no duplicates.
        """
        CREATE TABLE portico.work_order_counters (
            tenant_id uuid PRIMARY KEY REFERENCES portico.tenants (id),
            last_number bigint NOT NULL CHECK (last_number > 0)
        )
        """,
        // A work order. The location key names the client too, so a work order's site is
        // always its client's. The requester's and technician's names are snapshots
        // (rule 8: they stay after the user is removed); removing the technician's
        // membership unassigns them. The cap and its currency are set together.
        """
        CREATE TABLE portico.work_orders (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            number bigint NOT NULL CHECK (number > 0),
            client_id uuid NOT NULL,
            location_id uuid NOT NULL,
            title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
            description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
            trade text NOT NULL CHECK (trade IN (
                'PLUMBING', 'HVAC', 'ELECTRICAL', 'CARPENTRY', 'ROOFING', 'APPLIANCE',
                'PAINTING', 'LOCKSMITH', 'LANDSCAPING', 'CLEANING', 'GENERAL'
            )),
            priority text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'EMERGENCY')),
            status text NOT NULL CHECK (status IN (
                'REQUESTED', 'OPEN', 'ACTIVE', 'ON_HOLD', 'PENDING_AUTHORIZATION', 'COMPLETED',
                'CLOSED', 'CANCELLED'
            )),
            assigned_tech_membership_id uuid,
            assigned_tech_user_id uuid,
            assigned_tech_name text NOT NULL DEFAULT '' CHECK (char_length(assigned_tech_name) <= 200),
            scheduled_at timestamptz,
            nte_cap_minor bigint CHECK (nte_cap_minor > 0),
            currency_code text CHECK (currency_code ~ '^[A-Z]{3}$'),
            requested_by_user_id uuid,
            requested_by_name text NOT NULL DEFAULT '' CHECK (char_length(requested_by_name) <= 200),
            completed_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, id),
            UNIQUE (tenant_id, number),
            FOREIGN KEY (tenant_id, client_id, location_id)
                REFERENCES portico.locations (tenant_id, client_id, id),
            FOREIGN KEY (tenant_id, assigned_tech_membership_id) REFERENCES portico.memberships (tenant_id, id)
                ON DELETE SET NULL (assigned_tech_membership_id),
            CHECK ((nte_cap_minor IS NULL) = (currency_code IS NULL))
        )
        """,
        // Every change of status (and the creation), oldest first: who, when, from, to.
        """
        CREATE TABLE portico.work_order_events (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            work_order_id uuid NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp(),
            by_user_id uuid,
            by_name text NOT NULL CHECK (char_length(by_name) <= 200),
            from_status text,
            to_status text NOT NULL,
            note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, work_order_id) REFERENCES portico.work_orders (tenant_id, id)
        )
        """,
    ]

    /// ListWorkOrders is newest first by number: one index per way a caller's rows are
    /// narrowed (the tenant, a client, a technician, a status), each ending in the
    /// number, so every page is an index range.
    static let indexes = [
        "CREATE INDEX work_orders_client_idx ON portico.work_orders (tenant_id, client_id, number)",
        "CREATE INDEX work_orders_tech_idx ON portico.work_orders (tenant_id, assigned_tech_user_id, number)",
        "CREATE INDEX work_orders_status_idx ON portico.work_orders (tenant_id, status, number)",
        "CREATE INDEX work_orders_location_idx ON portico.work_orders (tenant_id, location_id, number)",
        "CREATE INDEX work_order_events_order_idx ON portico.work_order_events (tenant_id, work_order_id, at)",
    ]

    static let rowSecurity = ["work_order_counters", "work_orders", "work_order_events"].flatMap { table in
        [
            "ALTER TABLE portico.\(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE portico.\(table) FORCE ROW LEVEL SECURITY",
            """
            CREATE POLICY owner_all ON portico.\(table) TO CURRENT_USER
                USING (true) WITH CHECK (true)
            """,
        ]
    }

    /// Admins see and change every work order of the tenant; a technician those
    /// assigned to them (while the assignment's membership exists); client users their
    /// company's, and they only ever insert requests (rule 14). An event is visible
    /// and may be added exactly where its work order is.
    static let policies = [
        """
        CREATE POLICY work_order_counters_tenant ON portico.work_order_counters FOR ALL
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('ADMIN', 'OWNER', 'MEMBER')
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() IN ('ADMIN', 'OWNER', 'MEMBER')
            )
        """,
        """
        CREATE POLICY work_orders_select ON portico.work_orders FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (
                        portico.current_role_name() = 'TECH'
                        AND assigned_tech_membership_id IS NOT NULL
                        AND assigned_tech_user_id = portico.current_user_id()
                    )
                    OR (
                        portico.current_role_name() IN ('OWNER', 'MEMBER')
                        AND client_id = portico.current_client_id()
                    )
                )
            )
        """,
        """
        CREATE POLICY work_orders_insert ON portico.work_orders FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (
                        portico.current_role_name() IN ('OWNER', 'MEMBER')
                        AND client_id = portico.current_client_id()
                        AND status = 'REQUESTED'
                        AND nte_cap_minor IS NULL
                        AND assigned_tech_membership_id IS NULL
                    )
                )
            )
        """,
        """
        CREATE POLICY work_orders_update ON portico.work_orders FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (
                        portico.current_role_name() = 'TECH'
                        AND assigned_tech_membership_id IS NOT NULL
                        AND assigned_tech_user_id = portico.current_user_id()
                    )
                )
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (
                        portico.current_role_name() = 'TECH'
                        AND assigned_tech_membership_id IS NOT NULL
                        AND assigned_tech_user_id = portico.current_user_id()
                    )
                )
            )
        """,
        """
        CREATE POLICY work_order_events_select ON portico.work_order_events FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_events.tenant_id AND w.id = work_order_events.work_order_id
                )
            )
        """,
        """
        CREATE POLICY work_order_events_insert ON portico.work_order_events FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND by_user_id = portico.current_user_id()
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_events.tenant_id AND w.id = work_order_events.work_order_id
                )
            )
        """,
    ]
}
