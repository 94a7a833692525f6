/// How long a failed message waits before its next attempt: `base` doubling with every
/// failure, capped, and shortened by up to a quarter at random so messages that failed
/// together (a mail server outage) do not all retry in the same instant.
struct MailBackoff: Sendable, Equatable {
    var base: Duration
    var cap: Duration

    /// The delay after attempt number `attempt` (1 for the first) failed; `jitter` in
    /// 0...1 is the random part (0 waits the full delay).
    func delay(afterAttempt attempt: Int, jitter: Double) -> Duration {
        let doublings = min(max(attempt - 1, 0), 40)
        let full = min(base.totalSeconds * Double(1 << UInt64(doublings)), cap.totalSeconds)
        let shortened = full * (1 - 0.25 * min(max(jitter, 0), 1))
        return .milliseconds(Int64((shortened * 1000).rounded()))
    }

    func randomDelay(afterAttempt attempt: Int) -> Duration {
        delay(afterAttempt: attempt, jitter: Double.random(in: 0...1))
    }
}
