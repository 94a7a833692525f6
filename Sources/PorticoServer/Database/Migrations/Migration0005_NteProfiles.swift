extension Migration {
    /// Clients' not-to-exceed caps (Schema/README.md rule 12): a default, per trade and
    /// per location and trade. Money is integer minor units; client users other than
    /// the owner, and technicians, never see it.
    static let nteProfiles = Migration(
        version: 5,
        name: "nte_profiles",
        statements: Migration0005.tables + Migration0005.rowSecurity + Migration0005.policies
    )
}

/// The SQL of migration 0005. Frozen once shipped.
enum Migration0005 {
    static let tables = [
        // A cap for a location must be for a location of the same client: the caps'
        // foreign key names the client too, which needs this key.
        "ALTER TABLE portico.locations ADD CONSTRAINT locations_client_key UNIQUE (tenant_id, client_id, id)",
        // One row per client that has a profile: its currency (every cap of the profile
        // is in it) and the optional default cap.
        """
        CREATE TABLE portico.nte_profiles (
            tenant_id uuid NOT NULL,
            client_id uuid NOT NULL,
            currency_code text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),
            default_cap_minor bigint CHECK (default_cap_minor > 0),
            updated_at timestamptz NOT NULL DEFAULT now(),
            updated_by_user_id uuid,
            PRIMARY KEY (tenant_id, client_id),
            FOREIGN KEY (tenant_id, client_id) REFERENCES portico.clients (tenant_id, id)
        )
        """,
        // A trade's cap (no location) or a location's cap for a trade; at most one of
        // each (NULLS NOT DISTINCT makes the trade caps unique too).
        """
        CREATE TABLE portico.nte_caps (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            client_id uuid NOT NULL,
            location_id uuid,
            trade text NOT NULL CHECK (trade IN (
                'PLUMBING', 'HVAC', 'ELECTRICAL', 'CARPENTRY', 'ROOFING', 'APPLIANCE',
                'PAINTING', 'LOCKSMITH', 'LANDSCAPING', 'CLEANING', 'GENERAL'
            )),
            cap_minor bigint NOT NULL CHECK (cap_minor > 0),
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, client_id) REFERENCES portico.nte_profiles (tenant_id, client_id)
                ON DELETE CASCADE,
            FOREIGN KEY (tenant_id, client_id, location_id)
                REFERENCES portico.locations (tenant_id, client_id, id)
        )
        """,
        """
        CREATE UNIQUE INDEX nte_caps_key ON portico.nte_caps (tenant_id, client_id, trade, location_id)
            NULLS NOT DISTINCT
        """,
    ]

    static let rowSecurity = ["nte_profiles", "nte_caps"].flatMap { table in
        [
            "ALTER TABLE portico.\(table) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE portico.\(table) FORCE ROW LEVEL SECURITY",
            """
            CREATE POLICY owner_all ON portico.\(table) TO CURRENT_USER
                USING (true) WITH CHECK (true)
            """,
        ]
    }

    /// Admins read and write every client's caps; an owner reads their own company's.
    /// Members and technicians see no caps at all (rules 7 and 9: no money).
    static let policies = ["nte_profiles", "nte_caps"].flatMap { table in
        [
            """
            CREATE POLICY \(table)_select ON portico.\(table) FOR SELECT
                USING (
                    tenant_id = portico.current_tenant_id()
                    AND (
                        portico.current_role_name() = 'ADMIN'
                        OR (portico.current_role_name() = 'OWNER' AND client_id = portico.current_client_id())
                    )
                )
            """,
            """
            CREATE POLICY \(table)_admin_write ON portico.\(table) FOR ALL
                USING (tenant_id = portico.current_tenant_id() AND portico.current_role_name() = 'ADMIN')
                WITH CHECK (tenant_id = portico.current_tenant_id() AND portico.current_role_name() = 'ADMIN')
            """,
        ]
    }
}
