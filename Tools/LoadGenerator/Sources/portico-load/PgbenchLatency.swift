import ArgumentParser
import Foundation
import LoadStatistics

/// Reads pgbench's per-transaction logs (`pgbench --log`, one file per thread) and
/// prints exact p50/p99 as one result line, the same way the WhoAmI run reports.
struct PgbenchLatency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgbench-latency",
        abstract: "Exact latency percentiles from pgbench per-transaction logs."
    )

    @Argument(help: "pgbench log files (all threads of one run).")
    var files: [String]

    func run() throws {
        var log = PgbenchTransactionLog()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw LoadError("cannot read \(file)")
            }
            try log.add(contents: String(decoding: data, as: UTF8.self))
        }
        guard let summary = LatencySummary(nanoseconds: log.latencies) else {
            throw LoadError("the pgbench logs hold no completed transaction")
        }
        var line = ResultLine()
        line.append("transactions", String(summary.count))
        line.append("failures", String(log.failures))
        line.append("p50_ms", summary.p50.millisecondsText)
        line.append("p99_ms", summary.p99.millisecondsText)
        line.append("max_ms", summary.max.millisecondsText)
        print(line)
        if log.failures > 0 { throw ExitCode.failure }
    }
}
