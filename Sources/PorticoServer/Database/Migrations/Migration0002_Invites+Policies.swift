extension Migration0002 {
    /// Who may see, add and remove users, invites and queued mail. The handlers check
    /// the same rules first; these policies hold even when a handler is wrong.
    static let policies = userPolicies + membershipPolicies + invitePolicies + outboxPolicies

    /// Admins see the logins of their tenant's users, owners those of their own
    /// company; the policy's subquery runs under the memberships' own policies.
    static let userPolicies = [
        """
        CREATE POLICY auth_users_tenant_select ON portico.auth_users FOR SELECT
            USING (
                EXISTS (
                    SELECT 1 FROM portico.memberships m
                    WHERE m.user_id = auth_users.id
                        AND m.tenant_id = portico.current_tenant_id()
                        AND (
                            portico.current_role_name() = 'ADMIN'
                            OR (
                                portico.current_role_name() = 'OWNER'
                                AND m.client_id = portico.current_client_id()
                            )
                        )
                )
            )
        """
    ]

    /// Rule 2 and 8: the operator adds a tenant's first ADMIN, admins add owners and
    /// techs and remove any client user or tech, owners add and remove only MEMBERs of
    /// their own company. The operator still sees no tenant's memberships: it inserts
    /// the first ADMIN's with an id it chose, without RETURNING.
    static let membershipPolicies = [
        """
        CREATE POLICY memberships_operator_insert ON portico.memberships FOR INSERT
            WITH CHECK (portico.current_role_name() = 'OPERATOR' AND role = 'ADMIN')
        """,
        """
        CREATE POLICY memberships_admin_insert ON portico.memberships FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
                AND role IN ('TECH', 'OWNER')
            )
        """,
        """
        CREATE POLICY memberships_owner_insert ON portico.memberships FOR INSERT
            WITH CHECK (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND role = 'MEMBER'
                AND client_id = portico.current_client_id()
            )
        """,
        """
        CREATE POLICY memberships_admin_delete ON portico.memberships FOR DELETE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
                AND role IN ('TECH', 'OWNER', 'MEMBER')
            )
        """,
        """
        CREATE POLICY memberships_owner_delete ON portico.memberships FOR DELETE
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'OWNER'
                AND role = 'MEMBER'
                AND client_id = portico.current_client_id()
            )
        """,
    ]

    /// The ledger is written only through `claim_invite_slot`; admins read their
    /// tenant's (GetInviteQuota), the operator every tenant's.
    static let invitePolicies = [
        """
        CREATE POLICY invite_events_admin_select ON portico.invite_events FOR SELECT
            USING (
                tenant_id = portico.current_tenant_id()
                AND portico.current_role_name() = 'ADMIN'
            )
        """,
        """
        CREATE POLICY invite_events_operator_select ON portico.invite_events FOR SELECT
            USING (portico.current_role_name() = 'OPERATOR')
        """,
    ]

    /// Inviters may queue mail but never read it back: a queued body's secret is a
    /// temporary password. Only the delivery worker's context (role MAILER, which no
    /// principal can hold) reads and updates the queue, across tenants.
    static let outboxPolicies = [
        """
        CREATE POLICY outbox_inviter_insert ON portico.outbox FOR INSERT
            WITH CHECK (
                portico.current_role_name() = 'OPERATOR'
                OR (
                    tenant_id = portico.current_tenant_id()
                    AND portico.current_role_name() IN ('ADMIN', 'OWNER')
                )
            )
        """,
        """
        CREATE POLICY outbox_mailer_all ON portico.outbox
            USING (portico.current_role_name() = 'MAILER')
            WITH CHECK (portico.current_role_name() = 'MAILER')
        """,
    ]
}
