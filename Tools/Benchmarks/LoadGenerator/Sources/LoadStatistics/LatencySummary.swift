/// Exact latency percentiles of one run, from every recorded sample.
///
/// A 20-second run at tens of thousands of calls per second is well under a million
/// samples, so sorting them all is cheap and avoids a histogram's bucket error.
public struct LatencySummary: Sendable, Equatable {
    /// How many samples were recorded.
    public var count: Int
    /// Median, nanoseconds.
    public var p50: UInt64
    /// 99th percentile, nanoseconds.
    public var p99: UInt64
    /// Slowest sample, nanoseconds.
    public var max: UInt64

    public init(count: Int, p50: UInt64, p99: UInt64, max: UInt64) {
        self.count = count
        self.p50 = p50
        self.p99 = p99
        self.max = max
    }

    /// The summary of `samples` (nanoseconds, any order), or nil when there are none.
    public init?(nanoseconds samples: [UInt64]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        self.init(
            count: sorted.count,
            p50: Self.percentile(50, ofSorted: sorted),
            p99: Self.percentile(99, ofSorted: sorted),
            max: sorted[sorted.count - 1]
        )
    }

    /// The nearest-rank percentile: the smallest sample that at least `percent`% of
    /// the samples do not exceed. Integer arithmetic, so p99 of 100 samples is the
    /// 99th, never the 100th through a rounding error.
    public static func percentile(_ percent: Int, ofSorted sorted: [UInt64]) -> UInt64 {
        precondition(!sorted.isEmpty && (1...100).contains(percent))
        let rank = (sorted.count * percent + 99) / 100
        return sorted[rank - 1]
    }
}

extension UInt64 {
    /// Nanoseconds as milliseconds with three decimals, for tables and result lines.
    public var millisecondsText: String {
        let microseconds = (self + 500) / 1000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
