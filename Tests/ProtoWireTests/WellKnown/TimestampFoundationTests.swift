import Foundation
import ProtoWire
import Testing

@Suite struct TimestampFoundationTests {
    @Test func dateConversionRoundTrips() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        let timestamp = Google_Protobuf_Timestamp(date: date)
        #expect(timestamp.seconds == 1_700_000_000)
        #expect(timestamp.nanos == 250_000_000)
        #expect(timestamp.date == date)
    }

    @Test func datesBeforeTheEpochHavePositiveNanos() {
        let timestamp = Google_Protobuf_Timestamp(date: Date(timeIntervalSince1970: -1.5))
        #expect(timestamp.seconds == -2)
        #expect(timestamp.nanos == 500_000_000)
    }
}
