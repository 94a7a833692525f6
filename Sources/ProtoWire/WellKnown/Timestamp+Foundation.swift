// Date conversions live apart so the rest of the runtime stays free of Foundation.
public import Foundation

extension Google_Protobuf_Timestamp {
    /// The timestamp of a `Date`, rounded to whole nanoseconds.
    public init(date: Date) {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let nanos = ((interval - seconds) * 1e9).rounded()
        self.init(seconds: Int64(seconds), nanos: Int32(nanos))
    }

    /// The timestamp as a `Date` (Double precision: about a microsecond today).
    public var date: Date {
        Date(timeIntervalSince1970: timeIntervalSince1970)
    }
}
