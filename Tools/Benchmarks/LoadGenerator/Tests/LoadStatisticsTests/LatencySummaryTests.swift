import Testing
import LoadStatistics

@Suite struct LatencySummaryTests {
    @Test func nearestRankOnOneHundredSamples() {
        let samples = (1...100).map { UInt64($0) * 1000 }
        let summary = LatencySummary(nanoseconds: samples.reversed())
        #expect(summary == LatencySummary(count: 100, p50: 50_000, p99: 99_000, max: 100_000))
    }

    @Test(arguments: [
        (count: 1, percent: 50, rank: 1), (count: 1, percent: 99, rank: 1),
        (count: 3, percent: 50, rank: 2), (count: 201, percent: 99, rank: 199),
        (count: 1000, percent: 99, rank: 990), (count: 7, percent: 100, rank: 7),
    ])
    func percentileRank(count: Int, percent: Int, rank: Int) {
        let sorted = (1...count).map { UInt64($0) }
        #expect(LatencySummary.percentile(percent, ofSorted: sorted) == UInt64(rank))
    }

    @Test func noSamplesNoSummary() {
        #expect(LatencySummary(nanoseconds: []) == nil)
    }

    @Test(arguments: [
        (nanoseconds: UInt64(0), text: "0.000"), (nanoseconds: 1_499, text: "0.001"),
        (nanoseconds: 2_345_678, text: "2.346"), (nanoseconds: 12_000_000_000, text: "12000.000"),
        (nanoseconds: 50_000, text: "0.050"),
    ])
    func millisecondsText(nanoseconds: UInt64, text: String) {
        #expect(nanoseconds.millisecondsText == text)
    }
}
