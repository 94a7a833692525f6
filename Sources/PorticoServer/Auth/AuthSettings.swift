/// Sign-in and session settings.
public struct AuthSettings: Sendable {
    /// How long a session lives after sign-in.
    public var sessionLifetime: Duration
    public var throttle: LoginThrottlePolicy

    public init(sessionLifetime: Duration = .seconds(12 * 3600), throttle: LoginThrottlePolicy = .init()) {
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
    }
}
