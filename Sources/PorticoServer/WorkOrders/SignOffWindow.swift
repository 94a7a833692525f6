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
    /// Days are added to the start each time, never to the day before: a day whose
    /// time of day does not exist (a clock change at that hour) shifts only that day.
    func end(after completion: Date) -> Date {
        var start = completion
        while isWeekend(start) {
            start = calendar.startOfDay(for: calendar.date(byAdding: .day, value: 1, to: start)!)
        }
        var days = 0
        var counted = 0
        var end = start
        while counted < Self.businessDays {
            days += 1
            end = calendar.date(byAdding: .day, value: days, to: start)!
            if !isWeekend(end) { counted += 1 }
        }
        return end
    }

    private func isWeekend(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)
        return weekday == 1 || weekday == 7
    }
}
