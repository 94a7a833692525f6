#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging

/// Runs PostgreSQL's programs on one cluster, as the cluster's account: `initdb`,
/// `pg_ctl start` and `pg_ctl stop`.
struct ClusterControl: Sendable {
    var installation: PostgresInstallation
    var account: ClusterAccount
    var layout: ClusterLayout

    /// How long `pg_ctl` waits for the server to start or stop.
    static let serverTimeoutSeconds = 60
    /// Starting again with another port after a lost race for the chosen one.
    static let startAttempts = 3

    /// Runs one of the installation's programs as the cluster's account.
    func run(_ program: String, _ arguments: [String]) async throws(LocalPostgresClusterError) -> ChildProcess.Outcome {
        try await ChildProcess.run(
            account.command(installation.executable(program), arguments),
            environment: Self.programEnvironment
        )
    }

    /// Ours without `PG*` variables (which would point the programs at other servers or
    /// data) and with messages in the C locale.
    static var programEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        return environment
    }

    /// The last lines of `text`, for error messages.
    static func tail(_ text: String, lines: Int = 20) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// The last lines of the server log of the current start.
    func logTail() -> String {
        guard let data = FileManager.default.contents(atPath: layout.logFile) else { return "(no server log)" }
        return Self.tail(String(decoding: data, as: UTF8.self))
    }
}
