import Testing
import LoadStatistics

@Suite struct PgbenchTransactionLogTests {
    @Test func latenciesAreIntervalsBetweenEachClientsCompletions() throws {
        var log = PgbenchTransactionLog()
        try log.add(contents: """
            0 0 412 0 1717000000 999900
            1 0 50 0 1717000001 000010
            0 1 0 0 1717000001 000312

            1 1 0 0 1717000001 000060
            0 2 88 0 1717000001 000400 35
            """)
        // Client 0: 999900 → 1000312 → 1000400; client 1: 10 → 60 (µs past a second).
        #expect(log.latencies == [412_000, 50_000, 88_000])
        #expect(log.failures == 0)
    }

    @Test func failedAndSkippedTransactionsCountAsFailuresAndRestartTheInterval() throws {
        var log = PgbenchTransactionLog()
        try log.add(contents: """
            0 0 10 0 1717000000 100
            0 1 failed 0 1717000000 900
            0 2 skipped 0 1717000000 950
            0 3 20 0 1717000000 1000
            """)
        #expect(log.latencies == [50_000])
        #expect(log.failures == 2)
    }

    @Test(arguments: [
        "0 1 412 0 1717000000", "0 1 fast 0 1717000000 1", "transaction statistics",
        "0 1 412 0 1717000000 1000000",
    ])
    func rejectsOtherLines(line: String) {
        var log = PgbenchTransactionLog()
        #expect(throws: PgbenchLogError(line: line)) { try log.add(line: Substring(line)) }
    }

    @Test func rejectsACompletionBeforeTheClientsPreviousOne() throws {
        var log = PgbenchTransactionLog()
        try log.add(line: "3 0 10 0 1717000000 500")
        #expect(throws: PgbenchLogError(line: "3 1 10 0 1717000000 499")) {
            try log.add(line: "3 1 10 0 1717000000 499")
        }
    }
}
