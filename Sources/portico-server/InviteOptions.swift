import ArgumentParser
import Foundation
import PorticoServer

/// What invite emails link to and how long their temporary passwords work.
struct InviteOptions: ParsableArguments {
    @Option(name: .customLong("portal-url"), help: """
        The portal's address, linked from invite emails. [env: PORTICO_PORTAL_URL, default: http://localhost:8080]
        """)
    var portalURL: String?

    @Option(name: .customLong("invite-expiry-hours"), help: """
        How long an invite's temporary password works, 1 to 720 hours. \
        [env: PORTICO_INVITE_EXPIRY_HOURS, default: 72]
        """)
    var expiryHours: Int?

    static let expiryRange = 1...720

    func settings() throws -> InviteSettings {
        let environment = ProcessInfo.processInfo.environment
        let defaults = InviteSettings()
        let url = (portalURL ?? environment["PORTICO_PORTAL_URL"]).flatMap { $0.isEmpty ? nil : $0 } ?? defaults.portalURL
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host?.isEmpty == false
        else { throw ValidationError("the portal URL must be an http(s) address, not '\(url)'") }
        let hours = try expiryHours
            ?? environment["PORTICO_INVITE_EXPIRY_HOURS"].map { try Serve.integer($0, name: "PORTICO_INVITE_EXPIRY_HOURS") }
        var settings = InviteSettings(portalURL: url)
        if let hours {
            guard Self.expiryRange.contains(hours) else {
                throw ValidationError("invite expiry must be between 1 and 720 hours, not \(hours)")
            }
            settings.temporaryPasswordLifetime = .seconds(hours * 3600)
        }
        return settings
    }
}
