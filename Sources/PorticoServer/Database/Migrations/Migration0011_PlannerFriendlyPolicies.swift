extension Migration {
    /// The same reach for the read policies of work orders, locations and clients,
    /// written so PostgreSQL estimates them well. Each role test
    /// (`current_role_name() = 'ADMIN' OR …`) counted as a condition without statistics,
    /// 0.5% of rows, so the planner expected a handful of visible rows in a tenant of a
    /// million and chose plans that read all of them (ListWorkOrders' first page of a
    /// 1,000,000-WO tenant took seconds). One `CASE` on the role is estimated as one
    /// condition, and the planner reads pages as index ranges again.
    static let plannerFriendlyPolicies = Migration(
        version: 11,
        name: "planner_friendly_policies",
        statements: Migration0011.statements
    )
}

/// The SQL of migration 0011. Frozen once shipped.
enum Migration0011 {
    static let statements = [
        "DROP POLICY work_orders_select ON portico.work_orders",
        """
        CREATE POLICY work_orders_select ON portico.work_orders FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND CASE portico.current_role_name()
                    WHEN 'ADMIN' THEN true
                    WHEN 'TECH' THEN assigned_tech_membership_id IS NOT NULL
                        AND assigned_tech_user_id = portico.current_user_id()
                    WHEN 'OWNER' THEN client_id = portico.current_client_id()
                    WHEN 'MEMBER' THEN client_id = portico.current_client_id()
                    ELSE false
                END
            )
        """,
        "DROP POLICY locations_select ON portico.locations",
        """
        CREATE POLICY locations_select ON portico.locations FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND CASE portico.current_role_name()
                    WHEN 'ADMIN' THEN true
                    WHEN 'TECH' THEN true
                    WHEN 'OWNER' THEN client_id = portico.current_client_id()
                    WHEN 'MEMBER' THEN client_id = portico.current_client_id()
                    ELSE false
                END
            )
        """,
        "DROP POLICY clients_tenant_select ON portico.clients",
        """
        CREATE POLICY clients_tenant_select ON portico.clients FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND CASE portico.current_role_name()
                    WHEN 'ADMIN' THEN true
                    WHEN 'TECH' THEN true
                    ELSE id = portico.current_client_id()
                END
            )
        """,
    ]
}
