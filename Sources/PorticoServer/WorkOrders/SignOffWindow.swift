import Foundation

/// How long a client has to sign off or reopen a completed work order: 3 business days
/// (Monday to Friday) in the contractor's time zone. Pure, so it is tested on its own;
/// the store stamps its result on the work order as `close_due_at` when it becomes
/// COMPLETED, and the reopen check and the auto-close job read that.
///
/// Counting keeps the time of day: completed on Monday 10:00, the window ends on
/// Thursday 10:00; on Friday 16:00, the next Wednesday 16:00. Completed on a weekend,
/// the count starts on Monday 00:00. Public holidays are not known.
struct SignOffWindow: Sendable {
    static let businessDays = 3

    let calendar: Calendar

    /// The window in `timeZone`; nil for an identifier Foundation does not know.
    init?(timeZoneIdentifier: String) {
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// When the window that opens at `completion` ends.
    func end(after completion: Date) -> Date {
        var moment = completion
        while isWeekend(moment) {
            moment = calendar.startOfDay(for: calendar.date(byAdding: .day, value: 1, to: moment)!)
        }
        var counted = 0
        while counted < Self.businessDays {
            moment = calendar.date(byAdding: .day, value: 1, to: moment)!
            if !isWeekend(moment) { counted += 1 }
        }
        return moment
    }

    private func isWeekend(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)
        return weekday == 1 || weekday == 7
    }
}
