import Testing
import LoadStatistics

@Suite struct PgbenchTransactionLogTests {
    @Test func readsLatenciesAndFailures() throws {
        var log = PgbenchTransactionLog()
        try log.add(contents: """
            0 1 412 0 1717000000 123456
            3 17 1290 0 1717000001 5

            1 2 failed 0 1717000001 777777
            2 9 88 0 1717000002 10 35
            4 5 skipped 0 1717000003 1

            """)
        #expect(log.latencies == [412_000, 1_290_000, 88_000])
        #expect(log.failures == 2)
    }

    @Test(arguments: ["0 1 412 0 1717000000", "0 1 fast 0 1717000000 1", "transaction statistics"])
    func rejectsOtherLines(line: String) {
        var log = PgbenchTransactionLog()
        #expect(throws: PgbenchLogError(line: line)) { try log.add(line: Substring(line)) }
    }
}
