extension Migration {
    /// The database tells every server instance about each change to a work order and
    /// each ended session, through `NOTIFY` (delivered when the change commits), so
    /// WatchWorkOrders streams are live across instances.
    static let workOrderNotifications = Migration(
        version: 9,
        name: "work_order_notifications",
        statements: Migration0009.functions + Migration0009.triggers + [Migration0008.revokeFromPublic]
    )
}

/// The SQL of migration 0009. Frozen once shipped.
enum Migration0009 {
    /// Payloads name what a subscriber is filtered by and nothing more (no title, no
    /// money): `k` the kind of change, `t` tenant, `w` work order, `n` number, `c`
    /// client, `s` status, `u` and `o` the assigned technician's user now and before.
    static let functions = [
        """
        CREATE FUNCTION portico.notify_work_order(
            p_kind text, p_row portico.work_orders, p_previous_tech uuid
        ) RETURNS void
        LANGUAGE sql
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
            SELECT pg_notify('portico_work_orders', json_build_object(
                'k', p_kind, 't', p_row.tenant_id, 'w', p_row.id, 'n', p_row.number, 'c', p_row.client_id,
                's', p_row.status,
                'u', CASE WHEN p_row.assigned_tech_membership_id IS NULL THEN NULL ELSE p_row.assigned_tech_user_id END,
                'o', p_previous_tech
            )::text)
        $$
        """,
        // The trigger functions are SECURITY DEFINER so that they may call
        // `notify_work_order`, which the app role may not call itself.
        """
        CREATE FUNCTION portico.work_orders_notify() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_kind text;
            v_previous_tech uuid;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                v_kind := 'CREATED';
            ELSE
                v_previous_tech := CASE WHEN OLD.assigned_tech_membership_id IS NULL THEN NULL
                    ELSE OLD.assigned_tech_user_id END;
                v_kind := CASE
                    WHEN NEW.status IS DISTINCT FROM OLD.status THEN 'STATUS'
                    WHEN (NEW.assigned_tech_membership_id, NEW.assigned_tech_user_id)
                        IS DISTINCT FROM (OLD.assigned_tech_membership_id, OLD.assigned_tech_user_id) THEN 'ASSIGNMENT'
                    WHEN NEW.nte_cap_minor IS DISTINCT FROM OLD.nte_cap_minor THEN 'CAP'
                    ELSE 'UPDATED'
                END;
            END IF;
            PERFORM portico.notify_work_order(v_kind, NEW, v_previous_tech);
            RETURN NULL;
        END
        $$
        """,
        // Reads the work order as its owner, so the payload is the same whoever wrote
        // the comment.
        """
        CREATE FUNCTION portico.work_order_comments_notify() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        DECLARE
            v_row portico.work_orders;
        BEGIN
            SELECT * INTO v_row FROM portico.work_orders w
            WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.work_order_id;
            IF FOUND THEN
                PERFORM portico.notify_work_order('COMMENT', v_row, NULL);
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION portico.sessions_notify_end() RETURNS trigger
        LANGUAGE plpgsql
        SET search_path = portico, pg_catalog, pg_temp
        AS $$
        BEGIN
            PERFORM pg_notify('portico_sessions', OLD.id::text);
            RETURN NULL;
        END
        $$
        """,
    ]

    static let triggers = [
        """
        CREATE TRIGGER work_orders_notify AFTER INSERT OR UPDATE ON portico.work_orders
            FOR EACH ROW EXECUTE FUNCTION portico.work_orders_notify()
        """,
        """
        CREATE TRIGGER work_order_comments_notify AFTER INSERT ON portico.work_order_comments
            FOR EACH ROW EXECUTE FUNCTION portico.work_order_comments_notify()
        """,
        """
        CREATE TRIGGER sessions_notify_end AFTER DELETE ON portico.sessions
            FOR EACH ROW EXECUTE FUNCTION portico.sessions_notify_end()
        """,
    ]
}
