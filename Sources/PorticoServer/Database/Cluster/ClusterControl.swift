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

    // MARK: Creating

    /// Runs `initdb` in a staging folder that becomes the data directory only when it
    /// succeeded, so an interrupted creation never looks like a cluster.
    func create(credentials: ClusterCredentials, logger: Logger) async throws(LocalPostgresClusterError) {
        logger.info("creating a PostgreSQL cluster", metadata: ["folder": "\(layout.folder)"])
        let staging = "\(layout.home)/data.creating"
        try? FileManager.default.removeItem(atPath: staging)
        try removeOrphanedData(logger: logger)
        try ClusterLayout.makeFolder(staging, mode: 0o700)
        try account.takeOwnership(of: staging)
        let passwordFile = "\(layout.home)/.initdb-password"
        try writePrivateFile(passwordFile, contents: Data(credentials.superuserPassword.utf8))
        defer { unlink(passwordFile) }
        try account.takeOwnership(of: passwordFile)
        let initdb = try await run("initdb", [
            "--pgdata=\(staging)", "--username=\(LocalPostgresCluster.superuserName)",
            "--pwfile=\(passwordFile)", "--encoding=UTF8", "--locale=C", "--auth=scram-sha-256",
        ])
        guard initdb.status == 0 else {
            throw LocalPostgresClusterError(.commandFailed, "initdb failed:\n\(Self.tail(initdb.output))")
        }
        try appendSettings(to: "\(staging)/postgresql.conf")
        guard rename(staging, layout.postgresData) == 0 else { throw fileError("rename \(staging) to", layout.postgresData) }
        if layout.isRelocated {
            guard symlink(layout.postgresData, layout.dataLink) == 0 else { throw fileError("create the link", layout.dataLink) }
            logger.info(
                "the postgres account cannot enter the cluster folder: its data lives elsewhere",
                metadata: ["data": "\(layout.postgresData)"]
            )
        }
    }

    /// A relocated data directory whose cluster folder was deleted: its passwords went
    /// with the folder, so nobody can log in to it any more.
    private func removeOrphanedData(logger: Logger) throws(LocalPostgresClusterError) {
        guard layout.isRelocated, FileManager.default.fileExists(atPath: layout.postgresData) else { return }
        logger.warning("removing data left by a deleted cluster folder", metadata: ["data": "\(layout.postgresData)"])
        do {
            try FileManager.default.removeItem(atPath: layout.postgresData)
        } catch {
            throw LocalPostgresClusterError(.unusableDataDirectory, "cannot remove \(layout.postgresData)", cause: error)
        }
    }

    /// TCP on the loopback address only (the port is given at each start) and no Unix
    /// socket: its path would be limited to about 100 bytes and it would be reachable
    /// without the TCP port.
    private func appendSettings(to configuration: String) throws(LocalPostgresClusterError) {
        let settings = """

            # Added by Portico.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200

            """
        guard let file = FileHandle(forWritingAtPath: configuration) else { throw fileError("open", configuration) }
        defer { try? file.close() }
        do {
            try file.seekToEnd()
            try file.write(contentsOf: Data(settings.utf8))
        } catch {
            throw LocalPostgresClusterError(.unusableDataDirectory, "cannot write \(configuration)", cause: error)
        }
    }

    // MARK: Running programs

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
