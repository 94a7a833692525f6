extension Google_Protobuf_Timestamp {
    /// A timestamp from seconds and nanoseconds since the Unix epoch; nanoseconds
    /// outside 0..<1e9 are carried into the seconds.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.init()
        let carry = Int64(nanos) >= 0 ? Int64(nanos) / 1_000_000_000 : (Int64(nanos) - 999_999_999) / 1_000_000_000
        self.seconds = seconds + carry
        self.nanos = Int32(Int64(nanos) - carry * 1_000_000_000)
    }

    /// Seconds since the epoch as a floating-point number (loses sub-microsecond
    /// precision for present-day dates).
    public var timeIntervalSince1970: Double {
        Double(seconds) + Double(nanos) / 1e9
    }
}

extension Google_Protobuf_Duration {
    /// A duration from seconds and nanoseconds, normalized so both have the same sign.
    public init(seconds: Int64, nanos: Int32 = 0) {
        self.init()
        let total = (seconds, Int64(nanos))
        var wholeSeconds = total.0 + total.1 / 1_000_000_000
        var fraction = total.1 % 1_000_000_000
        if wholeSeconds > 0 && fraction < 0 {
            wholeSeconds -= 1
            fraction += 1_000_000_000
        } else if wholeSeconds < 0 && fraction > 0 {
            wholeSeconds += 1
            fraction -= 1_000_000_000
        }
        self.seconds = wholeSeconds
        self.nanos = Int32(fraction)
    }

    /// A duration from a Swift `Duration` (attosecond precision truncated to nanoseconds).
    public init(_ duration: Swift.Duration) {
        let components = duration.components
        self.init(seconds: components.seconds, nanos: Int32(components.attoseconds / 1_000_000_000))
    }

    /// The duration as a Swift `Duration`.
    public var swiftDuration: Swift.Duration {
        .seconds(seconds) + .nanoseconds(Int64(nanos))
    }
}
