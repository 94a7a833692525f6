import NIOCore
import PostgresNIO

extension Database {
    /// Whether PostgreSQL answers a trivial query within `bound`; never throws, never
    /// waits longer than `bound` (a stalled ping keeps running in the background until
    /// its connection fails). For the health service.
    public func isReachable(within bound: Duration = .seconds(2)) async -> Bool {
        let answer = OneShot<Bool>()
        let ping = Task {
            let answered = (try? await self.query("SELECT 1")) != nil
            answer.complete(.success(answered))
        }
        let timer = leaser.eventLoop.scheduleTask(in: TimeAmount(bound)) {
            answer.complete(.success(false))
            ping.cancel()
        }
        let reachable = (try? await answer.value()) ?? false
        timer.cancel()
        return reachable
    }

    /// Refuses an app role that row-level security would not bind: a superuser, a
    /// role with BYPASSRLS, or a member of the role owning Portico's tables (whose
    /// `owner_all` policies admit every row). Throws
    /// `DatabaseError.appRoleBypassesRowSecurity`; run once at startup, after
    /// migrating.
    public func checkAppRoleCannotBypassRLS() async throws {
        let rows = try await query("""
            SELECT r.rolsuper, r.rolbypassrls,
                   coalesce(pg_has_role(current_user, c.relowner, 'MEMBER'), false)
            FROM pg_roles r
            LEFT JOIN pg_class c ON c.oid = to_regclass('portico.sessions')
            WHERE r.rolname = current_user
            """)
        guard let row = rows.first else {
            throw bypassError("is not a role PostgreSQL knows")
        }
        let (isSuperuser, bypassesRLS, ownsTables) = try row.decode((Bool, Bool, Bool).self)
        if isSuperuser { throw bypassError("is a superuser") }
        if bypassesRLS { throw bypassError("has BYPASSRLS") }
        if ownsTables { throw bypassError("owns the portico tables (use a separate owner role)") }
    }

    private func bypassError(_ reason: String) -> DatabaseError {
        DatabaseError(
            code: .appRoleBypassesRowSecurity,
            message: "the database role \(SQLIdentifier(username)) \(reason); "
                + "the server's queries must run as a role row-level security binds"
        )
    }
}
