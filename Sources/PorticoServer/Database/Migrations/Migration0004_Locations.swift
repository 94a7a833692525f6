extension Migration {
    /// A client company's sites (Schema/README.md rules 6 and 7): owners manage their
    /// own company's, members read them, admins manage every client's of the tenant.
    static let locations = Migration(
        version: 4,
        name: "locations",
        statements: Migration0004.tables + Migration0004.rowSecurity + Migration0004.policies
    )
}

/// The SQL of migration 0004. Frozen once shipped.
enum Migration0004 {
    /// Every text column is NOT NULL with '' for "not given", as in `clients`. An
    /// archived site keeps its row (work orders point at it) and records when it was
    /// archived. `sort_name` is the stored keyset of ListLocations (see migration 0003
    /// for why it is stored).
    static let tables = [
        """
        CREATE TABLE portico.locations (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            client_id uuid NOT NULL,
            name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
            address_line1 text NOT NULL DEFAULT '' CHECK (char_length(address_line1) <= 200),
            address_line2 text NOT NULL DEFAULT '' CHECK (char_length(address_line2) <= 200),
            city text NOT NULL DEFAULT '' CHECK (char_length(city) <= 100),
            region text NOT NULL DEFAULT '' CHECK (char_length(region) <= 100),
            postal_code text NOT NULL DEFAULT '' CHECK (char_length(postal_code) <= 20),
            country_code text NOT NULL DEFAULT ''
                CHECK (country_code = '' OR country_code ~ '^[A-Z]{2}$'),
            access_notes text NOT NULL DEFAULT '' CHECK (char_length(access_notes) <= 2000),
            archived_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            sort_name text GENERATED ALWAYS AS (lower(name)) STORED,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, client_id) REFERENCES portico.clients (tenant_id, id)
        )
        """,
        // One client's sites by name (also the unique name per client, which a
        // duplicate's error is recognised by); every client's sites by name, for an
        // admin's list of the whole tenant.
        "CREATE UNIQUE INDEX locations_name_key ON portico.locations (tenant_id, client_id, sort_name)",
        "CREATE INDEX locations_tenant_name_idx ON portico.locations (tenant_id, sort_name, id)",
    ]

    static let rowSecurity = [
        "ALTER TABLE portico.locations ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE portico.locations FORCE ROW LEVEL SECURITY",
        """
        CREATE POLICY owner_all ON portico.locations TO CURRENT_USER
            USING (true) WITH CHECK (true)
        """,
    ]

    /// Staff of the tenant see every site (a technician needs the address and access
    /// notes of the work they are sent to); client users see their own company's.
    /// Admins add and change any client's sites, owners only their own company's.
    /// Nobody deletes a site: it is archived.
    static let policies = [
        """
        CREATE POLICY locations_select ON portico.locations FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() IN ('ADMIN', 'TECH')
                    OR (
                        portico.current_role_name() IN ('OWNER', 'MEMBER')
                        AND client_id = portico.current_client_id()
                    )
                )
            )
        """,
        """
        CREATE POLICY locations_insert ON portico.locations FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (portico.current_role_name() = 'OWNER' AND client_id = portico.current_client_id())
                )
            )
        """,
        """
        CREATE POLICY locations_update ON portico.locations FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (portico.current_role_name() = 'OWNER' AND client_id = portico.current_client_id())
                )
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND (
                    portico.current_role_name() = 'ADMIN'
                    OR (portico.current_role_name() = 'OWNER' AND client_id = portico.current_client_id())
                )
            )
        """,
    ]
}
