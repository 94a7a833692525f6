extension Migration {
    /// Client details, invites (who invited whom, the rolling 24-hour cap) and the mail
    /// outbox, with their row-level security and the definer functions an invite needs
    /// to reach logins of other tenants (Schema/README.md rules 1-4, 8, 10 and 11).
    static let invites = Migration(
        version: 2,
        name: "invites",
        statements: Migration0002.clientColumns
            + Migration0002.membershipColumns
            + Migration0002.tables
            + Migration0002.rowSecurity
            + Migration0002.policies
            + Migration0002.functions
            + Migration0001.revokeExecuteFromPublic
    )
}

/// The SQL of migration 0002, grouped by concern. Frozen once shipped.
enum Migration0002 {
    /// The client detail panel's fields. Every text column is NOT NULL with '' for
    /// "not given", so the API's empty strings and the rows agree.
    static let clientColumns = [
        """
        ALTER TABLE portico.clients
            ADD COLUMN billing_email text NOT NULL DEFAULT ''
                CHECK (char_length(billing_email) <= 320),
            ADD COLUMN phone text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 50),
            ADD COLUMN address_line1 text NOT NULL DEFAULT '' CHECK (char_length(address_line1) <= 200),
            ADD COLUMN address_line2 text NOT NULL DEFAULT '' CHECK (char_length(address_line2) <= 200),
            ADD COLUMN city text NOT NULL DEFAULT '' CHECK (char_length(city) <= 100),
            ADD COLUMN region text NOT NULL DEFAULT '' CHECK (char_length(region) <= 100),
            ADD COLUMN postal_code text NOT NULL DEFAULT '' CHECK (char_length(postal_code) <= 20),
            ADD COLUMN country_code text NOT NULL DEFAULT ''
                CHECK (country_code = '' OR country_code ~ '^[A-Z]{2}$'),
            ADD COLUMN notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
            ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()
        """,
        // Also the keyset index of ListClients (by name, ignoring case).
        "CREATE UNIQUE INDEX clients_name_key ON portico.clients (tenant_id, lower(name))",
    ]

    /// A membership remembers the name its inviter gave (how this tenant knows the
    /// user; the login's own display name may come from another tenant's invite) and
    /// who invited it, as a name snapshot that survives the inviter's removal.
    static let membershipColumns = [
        """
        ALTER TABLE portico.memberships
            ADD COLUMN display_name text NOT NULL DEFAULT ''
                CHECK (char_length(display_name) <= 200),
            ADD COLUMN invited_at timestamptz NOT NULL DEFAULT now(),
            ADD COLUMN invited_by_user_id uuid,
            ADD COLUMN invited_by_name text NOT NULL DEFAULT ''
                CHECK (char_length(invited_by_name) <= 200)
        """,
        "CREATE INDEX memberships_tenant_name_idx ON portico.memberships (tenant_id, lower(display_name), id)",
    ]

    static let tables = [
        // One row per invite sent (resends too): the ledger the rolling 24-hour cap
        // counts. `counted` is false for the operator's invite of a tenant's first
        // ADMIN, which the cap leaves out. Append-only.
        """
        CREATE TABLE portico.invite_events (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            kind text NOT NULL CHECK (kind IN ('ADMIN', 'TECH', 'OWNER', 'MEMBER', 'RESEND')),
            counted boolean NOT NULL,
            membership_id uuid,
            invited_by_user_id uuid,
            created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (tenant_id, id)
        )
        """,
        """
        CREATE INDEX invite_events_window_idx
            ON portico.invite_events (tenant_id, created_at) WHERE counted
        """,
        // The transactional outbox: an email is queued in the transaction that makes
        // it necessary, and the delivery worker sends it later. `body` holds the text
        // with the placeholder `{{secret}}` where a temporary password goes; the
        // password itself waits in `secret` and is set to NULL once delivered.
        """
        CREATE TABLE portico.outbox (
            tenant_id uuid NOT NULL REFERENCES portico.tenants (id),
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            kind text NOT NULL CHECK (char_length(kind) BETWEEN 1 AND 50),
            recipient_email text NOT NULL CHECK (char_length(recipient_email) BETWEEN 3 AND 320),
            recipient_name text NOT NULL DEFAULT '' CHECK (char_length(recipient_name) <= 200),
            subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 500),
            body text NOT NULL,
            secret text,
            status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
            attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at timestamptz NOT NULL DEFAULT now(),
            claimed_until timestamptz,
            last_error text,
            created_at timestamptz NOT NULL DEFAULT now(),
            sent_at timestamptz,
            PRIMARY KEY (tenant_id, id),
            CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
            CHECK (status = 'PENDING' OR secret IS NULL)
        )
        """,
        """
        CREATE INDEX outbox_due_idx ON portico.outbox (next_attempt_at)
            WHERE status = 'PENDING'
        """,
    ]

    static let tableNames = ["invite_events", "outbox"]

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
}
