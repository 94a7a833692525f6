@testable import PorticoServer
import Testing

/// The call log's duration: milliseconds with two decimals, rounded half up.
@Suite struct CallLogTests {
    @Test(arguments: [
        (Duration.zero, "0.00"),
        (.microseconds(4), "0.00"),
        (.microseconds(5), "0.01"),
        (.microseconds(70), "0.07"),
        (.microseconds(12_345), "12.35"),
        (.milliseconds(999) + .microseconds(996), "1000.00"),
        (.seconds(2) + .microseconds(70), "2000.07"),
    ])
    func durationsAreMillisecondsWithTwoDecimals(duration: Duration, expected: String) {
        #expect(CallLog.milliseconds(duration) == expected)
    }
}
