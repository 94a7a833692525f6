/// Duration's JSON form: signed decimal seconds with an `s` suffix (`"1.5s"`,
/// `"-0.001s"`), with 0, 3, 6 or 9 fractional digits out.
extension Google_Protobuf_Duration {
    /// ±10,000 years, the range `google.protobuf.Duration` allows.
    static let maxSeconds: Int64 = 315_576_000_000

    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        guard seconds.magnitude <= UInt64(Self.maxSeconds), nanos.magnitude <= 999_999_999,
              (seconds <= 0 && nanos <= 0) || (seconds >= 0 && nanos >= 0) else {
            throw ProtoJSONError(.unencodableValue, "Duration \(seconds)s \(nanos)ns is out of range or mixes signs")
        }
        let sign = seconds < 0 || nanos < 0 ? "-" : ""
        let fraction = CivilTime.fraction(nanos: Int32(nanos.magnitude))
        writer.writeString(sign + String(seconds.magnitude) + fraction + "s")
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        let text = try reader.readString()
        var scanner = ASCIIScanner(text)
        let isNegative = scanner.take(UInt8(ascii: "-"))
        var fraction: Int32? = 0
        guard let whole = scanner.number(), whole <= Self.maxSeconds else {
            throw .invalid("\"\(text)\" is not a duration like \"1.5s\"")
        }
        if scanner.take(UInt8(ascii: ".")) { fraction = scanner.nanos() }
        guard let fraction, scanner.take(UInt8(ascii: "s")), scanner.isAtEnd else {
            throw .invalid("\"\(text)\" is not a duration like \"1.5s\"")
        }
        seconds = isNegative ? -whole : whole
        nanos = isNegative ? -fraction : fraction
    }
}
