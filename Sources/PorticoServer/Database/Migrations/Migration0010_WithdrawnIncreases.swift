extension Migration {
    /// An NTE increase still waiting when its work order is cancelled is withdrawn by
    /// the cancel, so no owner is left with a quote they can no longer decide.
    static let withdrawnIncreases = Migration(
        version: 10,
        name: "withdrawn_increases",
        statements: Migration0010.statements
    )
}

/// The SQL of migration 0010. Frozen once shipped.
enum Migration0010 {
    static let statements = [
        "ALTER TABLE portico.nte_increases DROP CONSTRAINT nte_increases_status_check",
        """
        ALTER TABLE portico.nte_increases ADD CONSTRAINT nte_increases_status_check
            CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
        """,
        // Admins may only withdraw a waiting increase, and only as themselves.
        """
        CREATE POLICY nte_increases_withdraw ON portico.nte_increases FOR UPDATE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
                AND status = 'PENDING'
            )
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
                AND status = 'WITHDRAWN'
                AND decided_by_user_id = portico.current_user_id()
            )
        """,
    ]
}
