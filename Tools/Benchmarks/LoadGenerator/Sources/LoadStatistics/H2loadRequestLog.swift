/// h2load's per-request log (`h2load --log-file`): tab-separated `start time (µs since
/// the epoch)`, `HTTP status`, `µs until the end of the response`.
///
/// A gRPC error still comes with HTTP status 200 (the gRPC status is in the trailers,
/// which h2load does not read), so a clean log proves only that HTTP/2 worked; the
/// benchmark checks the gRPC statuses in the server's call log.
public struct H2loadRequestLog: Sendable, Equatable {
    /// Latencies of requests answered with HTTP 200, nanoseconds, in log order.
    public var latencies: [UInt64] = []
    /// Requests answered with any other HTTP status (h2load logs -1 for a request that
    /// got no response).
    public var failures = 0

    public init() {}

    /// Adds one log line; blank lines are ignored.
    public mutating func add(line: Substring) throws(H2loadLogError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        if line.allSatisfy(\.isWhitespace) { return }
        guard fields.count >= 3, UInt64(fields[0]) != nil, let status = Int(fields[1]),
            let microseconds = UInt64(fields[2])
        else { throw H2loadLogError(line: String(line)) }
        if status == 200 {
            latencies.append(microseconds * 1000)
        } else {
            failures += 1
        }
    }

    /// Adds every line of one log file's contents.
    public mutating func add(contents: String) throws(H2loadLogError) {
        for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            try add(line: line)
        }
    }
}

/// A line that is not in h2load's per-request log format.
public struct H2loadLogError: Error, Equatable, CustomStringConvertible {
    public var line: String

    public init(line: String) {
        self.line = line
    }

    public var description: String { "not an h2load request log line: '\(line)'" }
}
