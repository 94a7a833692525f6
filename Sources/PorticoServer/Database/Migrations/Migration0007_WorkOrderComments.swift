extension Migration {
    /// A work order's comment thread: everyone who can read the work order reads and
    /// adds to it (clients comment, never edit, rule 14); nobody edits or deletes a
    /// comment.
    static let workOrderComments = Migration(
        version: 7,
        name: "work_order_comments",
        statements: Migration0007.tables + Migration0007.rowSecurity + Migration0007.policies
    )
}

/// The SQL of migration 0007. Frozen once shipped.
enum Migration0007 {
    /// `seq` orders a thread (and is its keyset): unique, and increasing in the order
    /// comments were added. The author's name and role are snapshots.
    static let tables = [
        """
        CREATE TABLE portico.work_order_comments (
            tenant_id uuid NOT NULL,
            id uuid NOT NULL DEFAULT gen_random_uuid(),
            seq bigint GENERATED ALWAYS AS IDENTITY,
            work_order_id uuid NOT NULL,
            author_user_id uuid NOT NULL,
            author_name text NOT NULL CHECK (char_length(author_name) <= 200),
            author_role text NOT NULL CHECK (author_role IN ('ADMIN', 'TECH', 'OWNER', 'MEMBER')),
            body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, work_order_id) REFERENCES portico.work_orders (tenant_id, id)
        )
        """,
        """
        CREATE INDEX work_order_comments_thread_idx
            ON portico.work_order_comments (tenant_id, work_order_id, seq)
        """,
    ]

    static let rowSecurity = [
        "ALTER TABLE portico.work_order_comments ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE portico.work_order_comments FORCE ROW LEVEL SECURITY",
        """
        CREATE POLICY owner_all ON portico.work_order_comments TO CURRENT_USER
            USING (true) WITH CHECK (true)
        """,
    ]

    /// A comment is visible exactly where its work order is (the subquery runs under
    /// the work orders' policies), and may be added there by the caller as themselves.
    static let policies = [
        """
        CREATE POLICY work_order_comments_select ON portico.work_order_comments FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_comments.tenant_id AND w.id = work_order_comments.work_order_id
                )
            )
        """,
        """
        CREATE POLICY work_order_comments_insert ON portico.work_order_comments FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND author_user_id = portico.current_user_id()
                AND author_role = portico.current_role_name()
                AND EXISTS (
                    SELECT 1 FROM portico.work_orders w
                    WHERE w.tenant_id = work_order_comments.tenant_id AND w.id = work_order_comments.work_order_id
                )
            )
        """,
    ]
}
