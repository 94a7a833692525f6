import ProtoWire
import Testing

@Suite struct TimestampTests {
    typealias Timestamp = Google_Protobuf_Timestamp

    @Test(arguments: [
        (Int64(0), Int32(0), #""1970-01-01T00:00:00Z""#),
        (1_700_000_000, 5000, #""2023-11-14T22:13:20.000005Z""#),
        (63_108_020, 21_000_000, #""1972-01-01T10:00:20.021Z""#),
        (-1, 999_999_999, #""1969-12-31T23:59:59.999999999Z""#),
        (951_782_400, 0, #""2000-02-29T00:00:00Z""#),
        (-62_135_596_800, 0, #""0001-01-01T00:00:00Z""#),
        (253_402_300_799, 999_999_999, #""9999-12-31T23:59:59.999999999Z""#),
    ])
    func rfc3339RoundTrip(seconds: Int64, nanos: Int32, json: String) throws {
        let timestamp = Timestamp(seconds: seconds, nanos: nanos)
        #expect(try timestamp.jsonString() == json)
        #expect(try Timestamp(jsonString: json) == timestamp)
    }

    @Test(arguments: [
        (#""1970-01-01T01:00:00+01:00""#, Int64(0), Int32(0)),
        (#""1969-12-31T19:30:00-04:30""#, 0, 0),
        (#""1970-01-01T00:00:00.5Z""#, 0, 500_000_000),
        (#""1970-01-01t00:00:00.123456789z""#, 0, 123_456_789),
    ])
    func offsetsAndFractionsAreAccepted(json: String, seconds: Int64, nanos: Int32) throws {
        #expect(try Timestamp(jsonString: json) == Timestamp(seconds: seconds, nanos: nanos))
    }

    @Test(arguments: [
        #""1970-01-01T00:00:00""#, #""1970-01-01 00:00:00Z""#, #""1970-13-01T00:00:00Z""#,
        #""1970-02-30T00:00:00Z""#, #""1970-01-01T24:00:00Z""#, #""1970-01-01T00:00:00.Z""#,
        #""1970-01-01T00:00:00.1234567890Z""#, #""0000-12-31T00:00:00Z""#, #""0001-01-01T00:00:00+00:01""#,
        #"1"#, #""1970-01-01T00:00:00Zjunk""#,
    ])
    func invalidTimestamps(json: String) {
        #expect(jsonErrorCode(Timestamp.self, json) == .invalidValue)
    }

    @Test func outOfRangeTimestampsCannotBeWritten() {
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try Timestamp(seconds: 253_402_300_800).jsonString() }
        var negativeNanos = Timestamp()
        negativeNanos.nanos = -1
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try negativeNanos.jsonString() }
    }

    @Test func normalizingInitializer() {
        let timestamp = Timestamp(seconds: 10, nanos: -1)
        #expect(timestamp.seconds == 9 && timestamp.nanos == 999_999_999)
    }
}

@Suite struct DurationTests {
    typealias Duration = Google_Protobuf_Duration

    @Test(arguments: [
        (Int64(0), Int32(0), #""0s""#), (1, 500_000_000, #""1.500s""#), (-1, -500_000_000, #""-1.500s""#),
        (0, -1000, #""-0.000001s""#), (3, 1, #""3.000000001s""#), (315_576_000_000, 0, #""315576000000s""#),
    ])
    func roundTrip(seconds: Int64, nanos: Int32, json: String) throws {
        var duration = Duration()
        duration.seconds = seconds
        duration.nanos = nanos
        #expect(try duration.jsonString() == json)
        #expect(try Duration(jsonString: json) == duration)
    }

    @Test func decodesShortFractions() throws {
        #expect(try Duration(jsonString: #""1.5s""#) == Duration(seconds: 1, nanos: 500_000_000))
        #expect(try Duration(jsonString: #""-0.25s""#) == Duration(seconds: 0, nanos: -250_000_000))
    }

    @Test(arguments: [#""1.5""#, #""s""#, #""1.s""#, #""1.5ms""#, #""+1s""#, #""315576000001s""#, #""1.0000000001s""#, "1"])
    func invalidDurations(json: String) {
        #expect(jsonErrorCode(Duration.self, json) == .invalidValue)
    }

    @Test func mixedSignsCannotBeWritten() {
        var duration = Duration()
        duration.seconds = 1
        duration.nanos = -1
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try duration.jsonString() }
    }

    @Test func swiftDurationConversion() {
        let duration = Duration(.milliseconds(-1500))
        #expect(duration.seconds == -1 && duration.nanos == -500_000_000)
        #expect(duration.swiftDuration == .milliseconds(-1500))
    }
}
