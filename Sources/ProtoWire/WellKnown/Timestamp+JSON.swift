/// Timestamp's JSON form: an RFC 3339 string in UTC (`"1972-01-01T10:00:20.021Z"`),
/// with 0, 3, 6 or 9 fractional digits out and any offset accepted in.
extension Google_Protobuf_Timestamp {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        writer.writeString(try rfc3339String())
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        let text = try reader.readString()
        guard let parsed = Self(rfc3339: text) else {
            throw .invalid("\"\(text)\" is not an RFC 3339 timestamp between years 1 and 9999")
        }
        self = parsed
    }

    func rfc3339String() throws(ProtoJSONError) -> String {
        guard (CivilTime.minSeconds...CivilTime.maxSeconds).contains(seconds), (0...999_999_999).contains(nanos) else {
            throw ProtoJSONError(.unencodableValue, "Timestamp \(seconds)s \(nanos)ns is outside 0001-01-01...9999-12-31")
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CivilTime.date(days: days)
        var text = ""
        CivilTime.appendDigits(date.year, width: 4, to: &text)
        text += "-"
        CivilTime.appendDigits(date.month, width: 2, to: &text)
        text += "-"
        CivilTime.appendDigits(date.day, width: 2, to: &text)
        text += "T"
        CivilTime.appendDigits(secondOfDay / 3600, width: 2, to: &text)
        text += ":"
        CivilTime.appendDigits(secondOfDay / 60 % 60, width: 2, to: &text)
        text += ":"
        CivilTime.appendDigits(secondOfDay % 60, width: 2, to: &text)
        return text + CivilTime.fraction(nanos: nanos) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`.
    init?(rfc3339 text: String) {
        var scanner = ASCIIScanner(text)
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2),
              scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")),
              let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2)
        else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1,
              day <= CivilTime.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var nanos: Int32 = 0
        if scanner.take(UInt8(ascii: ".")) {
            guard let fraction = scanner.nanos() else { return nil }
            nanos = fraction
        }
        guard let offset = Self.offsetSeconds(&scanner), scanner.isAtEnd else { return nil }
        let days = CivilTime.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard (CivilTime.minSeconds...CivilTime.maxSeconds).contains(seconds) else { return nil }
        self.init()
        self.seconds = seconds
        self.nanos = nanos
    }

    /// `Z` → 0; `+HH:MM` / `-HH:MM` → the offset east of UTC in seconds.
    private static func offsetSeconds(_ scanner: inout ASCIIScanner) -> Int64? {
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) { return 0 }
        let sign: Int64
        if scanner.take(UInt8(ascii: "+")) {
            sign = 1
        } else if scanner.take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minutes = scanner.digits(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
