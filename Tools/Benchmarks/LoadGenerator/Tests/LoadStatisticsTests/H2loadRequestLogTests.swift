import Testing
import LoadStatistics

@Suite struct H2loadRequestLogTests {
    @Test func readsLatenciesAndFailures() throws {
        var log = H2loadRequestLog()
        try log.add(contents: "1717000000000001\t200\t412\n1717000000000002\t503\t90\n\n1717000000000003\t200\t1290\n1717000000000004\t-1\t0\n")
        #expect(log.latencies == [412_000, 1_290_000])
        #expect(log.failures == 2)
    }

    @Test(arguments: ["1717000000000001\t200", "1717000000000001 200 412", "start\tstatus\tlatency"])
    func rejectsOtherLines(line: String) {
        var log = H2loadRequestLog()
        #expect(throws: H2loadLogError(line: line)) { try log.add(line: Substring(line)) }
    }
}
