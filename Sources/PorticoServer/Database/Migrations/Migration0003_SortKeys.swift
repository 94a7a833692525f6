extension Migration {
    /// Stored lower-cased names, the keysets of the paged lists (ListTenants, ListClients,
    /// ListUsers), each with an index in page order.
    ///
    /// Under row-level security PostgreSQL evaluates a query's own conditions after the
    /// policy unless their functions are leakproof. `lower()` is not, so a keyset of
    /// `lower(name) > $after` was a filter over the tenant's whole index range, read from
    /// its first row on every page. A stored column compares with `text > text`, which
    /// is leakproof, so `(sort_name, id) > ($name, $id)` becomes an index range.
    static let sortKeys = Migration(
        version: 3,
        name: "sort_keys",
        statements: Migration0003.tenants + Migration0003.clients + Migration0003.memberships
    )
}

/// The SQL of migration 0003. Frozen once shipped.
enum Migration0003 {
    /// Tenant names stay unique ignoring case; the unique index is now on the stored key.
    static let tenants = [
        "ALTER TABLE portico.tenants ADD COLUMN sort_name text GENERATED ALWAYS AS (lower(name)) STORED",
        "DROP INDEX portico.tenants_name_key",
        "CREATE UNIQUE INDEX tenants_name_key ON portico.tenants (sort_name)",
    ]

    /// Client names stay unique per tenant ignoring case (the name `clients_name_key` is
    /// what a duplicate's error is recognised by).
    static let clients = [
        "ALTER TABLE portico.clients ADD COLUMN sort_name text GENERATED ALWAYS AS (lower(name)) STORED",
        "DROP INDEX portico.clients_name_key",
        "CREATE UNIQUE INDEX clients_name_key ON portico.clients (tenant_id, sort_name)",
    ]

    /// ListUsers lists either the staff (no client) or one client's users: an index for
    /// each, so neither walks the other's rows. The client one also serves what
    /// `memberships_client_idx` did (a client's users, the foreign key's checks).
    /// Memberships made before 0002 recorded no name: they take their login's, so each
    /// one sorts by the name it shows.
    static let memberships = [
        """
        UPDATE portico.memberships m SET display_name = u.display_name
        FROM portico.auth_users u
        WHERE u.id = m.user_id AND m.display_name = ''
        """,
        """
        ALTER TABLE portico.memberships
            ADD COLUMN sort_name text GENERATED ALWAYS AS (lower(display_name)) STORED
        """,
        "DROP INDEX portico.memberships_tenant_name_idx",
        "DROP INDEX portico.memberships_client_idx",
        """
        CREATE INDEX memberships_staff_name_idx ON portico.memberships (tenant_id, sort_name, id)
            WHERE client_id IS NULL
        """,
        """
        CREATE INDEX memberships_client_name_idx
            ON portico.memberships (tenant_id, client_id, sort_name, id)
        """,
    ]
}
