/// pgbench's per-transaction log (`pgbench --log`), read back for exact percentiles.
///
/// Each line is `client_id transaction_no time script_no time_epoch time_us
/// [schedule_lag]`. The latency is taken as the time between a client's consecutive
/// completions (`time_epoch`, `time_us`), not from `time`: pgbench reuses a cached clock
/// reading within one pass over its connections, so on a busy machine `time` is often
/// logged as 0 µs (70% of the transactions in a 1-client run here). A pgbench client runs
/// its transactions back to back, so the interval is the transaction's latency plus a
/// few microseconds of pgbench's own work — the same span the WhoAmI load generator
/// times. Each client's first transaction has no predecessor and is not counted.
public struct PgbenchTransactionLog: Sendable, Equatable {
    /// Latencies of completed transactions, nanoseconds, in log order.
    public var latencies: [UInt64] = []
    /// Transactions logged as `failed` or `skipped`.
    public var failures = 0
    /// Each client's last completion, microseconds since the epoch.
    private var lastCompletion: [Int: UInt64] = [:]

    public init() {}

    /// Adds one log line; blank lines are ignored. Lines of one client must come in
    /// order (pgbench writes each client's lines to its thread's file in order).
    public mutating func add(line: Substring) throws(PgbenchLogError) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        if fields.isEmpty { return }
        guard fields.count >= 6, let client = Int(fields[0]), let seconds = UInt64(fields[4]),
            let microseconds = UInt64(fields[5]), microseconds < 1_000_000
        else { throw PgbenchLogError(line: String(line)) }
        let completion = seconds * 1_000_000 + microseconds
        switch fields[2] {
        case "failed", "skipped":
            failures += 1
        default:
            guard UInt64(fields[2]) != nil else { throw PgbenchLogError(line: String(line)) }
            if let previous = lastCompletion[client] {
                guard completion >= previous else { throw PgbenchLogError(line: String(line)) }
                latencies.append((completion - previous) * 1000)
            }
        }
        lastCompletion[client] = completion
    }

    /// Adds every line of one log file's contents.
    public mutating func add(contents: String) throws(PgbenchLogError) {
        for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            try add(line: line)
        }
    }
}

/// A line that is not in pgbench's per-transaction log format, or a client's completion
/// earlier than its previous one.
public struct PgbenchLogError: Error, Equatable, CustomStringConvertible {
    public var line: String

    public init(line: String) {
        self.line = line
    }

    public var description: String { "not a pgbench transaction log line (or out of order): '\(line)'" }
}
