/// Proleptic Gregorian calendar arithmetic for RFC 3339 timestamps (UTC, no leap
/// seconds), after Howard Hinnant's `days_from_civil` / `civil_from_days`.
@usableFromInline
enum CivilTime {
    /// Seconds from 1970-01-01T00:00:00Z to 0001-01-01T00:00:00Z and to
    /// 9999-12-31T23:59:59Z: the range proto3 JSON allows.
    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799

    /// Days since 1970-01-01 of a (year, month 1–12, day 1–31) date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The (year, month, day) of a day count since 1970-01-01.
    static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Appends `value` as exactly `width` decimal digits (zero-padded).
    static func appendDigits(_ value: Int64, width: Int, to text: inout String) {
        let digits = String(value)
        text += String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The fractional part proto3 JSON writes: none, or 3, 6 or 9 digits.
    static func fraction(nanos: Int32) -> String {
        guard nanos != 0 else { return "" }
        var text = "."
        if nanos % 1_000_000 == 0 {
            appendDigits(Int64(nanos / 1_000_000), width: 3, to: &text)
        } else if nanos % 1000 == 0 {
            appendDigits(Int64(nanos / 1000), width: 6, to: &text)
        } else {
            appendDigits(Int64(nanos), width: 9, to: &text)
        }
        return text
    }
}
