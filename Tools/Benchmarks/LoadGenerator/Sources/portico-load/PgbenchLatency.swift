import ArgumentParser
import Foundation
import LoadStatistics

/// Reads pgbench's per-transaction logs (`pgbench --log`, one file per thread) and
/// prints exact p50/p99 as one result line, the same way a load run reports.
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
            try log.add(contents: try readLog(file))
        }
        try printLatencies(log.latencies, failures: log.failures, noun: "transactions")
    }
}

/// Reads h2load's per-request log (`h2load --log-file`) and prints exact p50/p99.
struct H2loadLatency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "h2load-latency",
        abstract: "Exact latency percentiles from an h2load per-request log."
    )

    @Argument(help: "The h2load log file.")
    var file: String

    func run() throws {
        var log = H2loadRequestLog()
        try log.add(contents: try readLog(file))
        try printLatencies(log.latencies, failures: log.failures, noun: "requests")
    }
}

private func readLog(_ file: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else { throw LoadError("cannot read \(file)") }
    return String(decoding: data, as: UTF8.self)
}

/// One result line; fails (after printing) when anything failed.
private func printLatencies(_ latencies: [UInt64], failures: Int, noun: String) throws {
    guard let summary = LatencySummary(nanoseconds: latencies) else {
        throw LoadError("the log holds no completed \(noun)")
    }
    var line = ResultLine()
    line.append(noun, String(summary.count))
    line.append("failures", String(failures))
    line.append("p50_ms", summary.p50.millisecondsText)
    line.append("p99_ms", summary.p99.millisecondsText)
    line.append("max_ms", summary.max.millisecondsText)
    print(line)
    if failures > 0 { throw ExitCode.failure }
}
