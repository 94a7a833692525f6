import Foundation

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

/// Per-account throttling of sign-in (Schema/README.md rule 15).
///
/// Attempts are counted by normalized email whether or not an account exists, so the
/// throttle itself never reveals which emails have logins. An attempt is counted
/// *before* the password is checked, in one atomic upsert (`AuthStore.countAttempt`): a
/// burst of parallel guesses cannot slip past the limit while the slow hashes run. A
/// success clears the count.
struct LoginThrottle: Sendable {
    let store: AuthStore
    let policy: LoginThrottlePolicy

    /// Counts one attempt; throws `RESOURCE_EXHAUSTED` while the email is locked.
    func admitAttempt(emailKey: String) async throws {
        if let lockedUntil = try await store.countAttempt(emailKey: emailKey, policy: policy) {
            throw Self.lockedError(until: lockedUntil)
        }
    }

    /// Forgets the email's attempts after a successful sign-in.
    func recordSuccess(emailKey: String) async throws {
        try await store.clearAttempts(emailKey: emailKey)
    }

    private static func lockedError(until: Date) -> PorticoError {
        let formatter = ISO8601DateFormatter()
        return PorticoError(
            .resourceExhausted,
            "too many sign-in attempts for this email; try again after \(formatter.string(from: until))"
        )
    }
}
