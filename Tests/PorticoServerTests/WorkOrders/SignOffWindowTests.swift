import Foundation
@testable import PorticoServer
import Testing

/// The 3 business days a client has to sign off or reopen, in the tenant's time zone.
@Suite struct SignOffWindowTests {
    private func date(_ text: String, _ zone: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    @Test(arguments: [
        // Monday → Thursday, same time.
        ("2026-12-07 10:00", "2026-12-10 10:00"),
        // Wednesday → Monday: the weekend does not count.
        ("2026-12-09 09:30", "2026-12-14 09:30"),
        // Friday → Wednesday.
        ("2026-12-11 16:00", "2026-12-16 16:00"),
        // Saturday and Sunday count from Monday 00:00.
        ("2026-12-12 10:00", "2026-12-17 00:00"),
        ("2026-12-13 23:59", "2026-12-17 00:00"),
    ])
    func countsMondayToFriday(completed: String, ends: String) throws {
        let window = try #require(SignOffWindow(timeZoneIdentifier: "UTC"))
        #expect(window.end(after: date(completed, "UTC")) == date(ends, "UTC"))
    }

    /// Business days are the tenant's: 23:30 on Friday in UTC is already Saturday in
    /// Berlin, and the clock change on 25 October keeps the local time of day.
    @Test func countsInTheTenantsTimeZone() throws {
        let berlin = try #require(SignOffWindow(timeZoneIdentifier: "Europe/Berlin"))
        #expect(berlin.end(after: date("2026-12-11 23:30", "UTC")) == date("2026-12-17 00:00", "Europe/Berlin"))
        #expect(berlin.end(after: date("2026-10-23 10:00", "Europe/Berlin")) == date("2026-10-28 10:00", "Europe/Berlin"))
        // 02:30 does not exist on Sunday 28 March 2027 (clocks go from 02:00 to 03:00);
        // passing over it must not shift the days after it.
        #expect(berlin.end(after: date("2027-03-25 02:30", "Europe/Berlin")) == date("2027-03-30 02:30", "Europe/Berlin"))
        let utc = try #require(SignOffWindow(timeZoneIdentifier: "UTC"))
        #expect(utc.end(after: date("2026-12-11 23:30", "UTC")) == date("2026-12-16 23:30", "UTC"))
        #expect(SignOffWindow(timeZoneIdentifier: "Mars/Olympus") == nil)
    }
}
