import Foundation
import PorticoAPI

/// A tenant's settings as `TenantSettingsStore` keeps them; a tenant without a row has
/// the defaults.
struct TenantSettingsRow: Sendable, Equatable {
    static let defaults = TenantSettingsRow(timeZone: "UTC", markupBasisPoints: 0)
    /// 1000% markup: far above any real one, far below overflowing a line's total.
    static let maximumMarkupBasisPoints: Int32 = 100_000

    var timeZone: String
    var markupBasisPoints: Int32

    /// The settings a request names: a time zone Foundation knows (empty is UTC) and a
    /// markup from 0 to `maximumMarkupBasisPoints`. A problem is INVALID_ARGUMENT naming
    /// the field.
    init(validating settings: Portico_V1_Settings) throws(PorticoError) {
        let zone = settings.timeZone.isEmpty ? "UTC" : settings.timeZone
        guard zone.utf8.count <= 64, TimeZone(identifier: zone) != nil else {
            throw .invalidField("settings.time_zone", "must be an IANA time zone, like Europe/Berlin")
        }
        guard (0...Self.maximumMarkupBasisPoints).contains(settings.markupBasisPoints) else {
            throw .invalidField(
                "settings.markup_basis_points", "must be from 0 to \(Self.maximumMarkupBasisPoints)"
            )
        }
        self.init(timeZone: zone, markupBasisPoints: settings.markupBasisPoints)
    }

    init(timeZone: String, markupBasisPoints: Int32) {
        self.timeZone = timeZone
        self.markupBasisPoints = markupBasisPoints
    }
}

extension Portico_V1_Settings {
    init(_ row: TenantSettingsRow) {
        self.init()
        timeZone = row.timeZone
        markupBasisPoints = row.markupBasisPoints
    }
}
