import Foundation
import PostgresNIO

/// How many sign-in attempts an email gets before it is locked for a while.
public struct LoginThrottlePolicy: Sendable {
    /// Attempts allowed without a success inside `window`.
    public var maximumAttempts: Int
    public var window: Duration
    /// How long further attempts are refused once `maximumAttempts` is used up.
    public var lockout: Duration

    public init(maximumAttempts: Int = 5, window: Duration = .seconds(15 * 60), lockout: Duration = .seconds(15 * 60)) {
        self.maximumAttempts = maximumAttempts
        self.window = window
        self.lockout = lockout
    }
}

/// Per-account throttling of sign-in (PRODUCT.md rule 15).
///
/// Attempts are counted by normalized email whether or not an account exists, so the
/// throttle itself never reveals which emails have logins. An attempt is counted
/// *before* the password is checked, in one atomic upsert: a burst of parallel guesses
/// cannot slip past the limit while the slow hashes run. A success clears the count.
struct LoginThrottle: Sendable {
    let database: Database
    let policy: LoginThrottlePolicy

    /// Counts one attempt; throws `RESOURCE_EXHAUSTED` while the email is locked.
    ///
    /// A lock that has run out, or a window that has passed, starts counting afresh;
    /// the reset test is spelled out in each SET clause because an upsert cannot share
    /// an expression between them.
    func admitAttempt(emailKey: String) async throws {
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
        for row in rows {
            if let lockedUntil = try row.decode(Date?.self) { throw Self.lockedError(until: lockedUntil) }
        }
    }

    /// Forgets the email's attempts after a successful sign-in.
    func recordSuccess(emailKey: String) async throws {
        _ = try await database.query("DELETE FROM portico.login_attempts WHERE email_key = \(emailKey)")
    }

    private static func lockedError(until: Date) -> PorticoError {
        let formatter = ISO8601DateFormatter()
        return PorticoError(
            .resourceExhausted,
            "too many sign-in attempts for this email; try again after \(formatter.string(from: until))"
        )
    }
}
