import Foundation
import PostgresNIO

extension AuthStore {
    /// Counts one sign-in attempt for `emailKey` under `policy`, in one atomic upsert,
    /// and returns until when the email is locked (nil while it is not).
    ///
    /// A lock that has run out, or a window that has passed, starts counting afresh;
    /// the reset test is spelled out in each SET clause because an upsert cannot share
    /// an expression between them.
    func countAttempt(emailKey: String, policy: LoginThrottlePolicy) async throws -> Date? {
        let window = policy.window.totalSeconds
        let lockout = policy.lockout.totalSeconds
        let rows = try await database.query(
            """
            INSERT INTO portico.login_attempts AS a (email_key, failed_count, window_started_at, locked_until)
            VALUES (\(emailKey), 1, now(), NULL)
            ON CONFLICT (email_key) DO UPDATE SET
                failed_count = CASE
                    WHEN a.locked_until <= now()
                        OR (a.locked_until IS NULL AND a.window_started_at <= now() - make_interval(secs => \(window)))
                        THEN 1
                    ELSE a.failed_count + 1 END,
                window_started_at = CASE
                    WHEN a.locked_until <= now()
                        OR (a.locked_until IS NULL AND a.window_started_at <= now() - make_interval(secs => \(window)))
                        THEN now()
                    ELSE a.window_started_at END,
                locked_until = CASE
                    WHEN a.locked_until <= now()
                        OR (a.locked_until IS NULL AND a.window_started_at <= now() - make_interval(secs => \(window)))
                        THEN NULL
                    WHEN a.locked_until IS NOT NULL THEN a.locked_until
                    WHEN a.failed_count + 1 > \(policy.maximumAttempts)
                        THEN now() + make_interval(secs => \(lockout))
                    ELSE NULL END
            RETURNING locked_until
            """
        )
        return try rows.first?.decode(Date?.self) ?? nil
    }

    /// Forgets the email's attempts after a successful sign-in.
    func clearAttempts(emailKey: String) async throws {
        _ = try await database.query("DELETE FROM portico.login_attempts WHERE email_key = \(emailKey)")
    }
}
