import Foundation

/// The tenant's invite cap as `invite_quota` and `claim_invite_slot` report it.
struct InviteQuotaRow: Sendable, Equatable {
    var used: Int32
    var limit: Int32
    /// When the oldest counted invite leaves the rolling window; nil while none counts.
    var nextFreeAt: Date?

    /// A row of `invite_quota` or `claim_invite_slot`: used, limit, next free time.
    init(_ row: (Int32, Int32, Date?)) {
        (used, limit, nextFreeAt) = row
    }
}
