/// What invite emails say and how long their temporary passwords live
/// (`--portal-url`, `--invite-expiry-hours`).
public struct InviteSettings: Sendable, Equatable {
    /// The portal's address, linked from every invite email.
    public var portalURL: String
    /// How long a temporary password works (Schema/README.md rule 4: 72 hours by default).
    public var temporaryPasswordLifetime: Duration

    public init(portalURL: String = "http://localhost:8080", temporaryPasswordLifetime: Duration = .seconds(72 * 3600)) {
        self.portalURL = portalURL
        self.temporaryPasswordLifetime = temporaryPasswordLifetime
    }
}
