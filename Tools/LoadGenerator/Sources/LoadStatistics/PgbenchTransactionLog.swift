/// pgbench's per-transaction log (`pgbench --log`), read back for exact percentiles.
///
/// Each line is `client_id transaction_no time script_no time_epoch time_us
/// [schedule_lag]`, where `time` is the transaction's latency in microseconds, or
/// `failed` / `skipped` for a transaction that did not complete.
public struct PgbenchTransactionLog: Sendable, Equatable {
    /// Latencies of completed transactions, nanoseconds, in log order.
    public var latencies: [UInt64] = []
    /// Transactions logged as `failed` or `skipped`.
    public var failures = 0

    public init() {}

    /// Adds one log line; blank lines are ignored.
    public mutating func add(line: Substring) throws(PgbenchLogError) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if fields.isEmpty { return }
        guard fields.count >= 6 else { throw PgbenchLogError(line: String(line)) }
        switch fields[2] {
        case "failed", "skipped":
            failures += 1
        default:
            guard let microseconds = UInt64(fields[2]) else { throw PgbenchLogError(line: String(line)) }
            latencies.append(microseconds * 1000)
        }
    }

    /// Adds every line of one log file's contents.
    public mutating func add(contents: String) throws(PgbenchLogError) {
        for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            try add(line: line)
        }
    }
}

/// A line that is not in pgbench's per-transaction log format.
public struct PgbenchLogError: Error, Equatable, CustomStringConvertible {
    public var line: String

    public init(line: String) {
        self.line = line
    }

    public var description: String { "not a pgbench transaction log line: '\(line)'" }
}
