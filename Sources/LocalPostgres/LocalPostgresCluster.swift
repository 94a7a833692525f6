#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
public import Logging

/// A PostgreSQL cluster of the installed server programs, in a folder of its own: what
/// `portico-server` runs when no database URL is configured, and what the tests run.
///
/// The first ``start(logger:)`` creates it (`initdb`, UTF8, C locale) with three roles,
/// each with a generated password kept in `credentials.json` (mode 0600) in the folder:
/// the superuser `postgres`, `portico_owner` (owns database `portico`, runs migrations)
/// and `portico_app` (the server's queries: no superuser, no BYPASSRLS). The server
/// listens on 127.0.0.1 only, on a free port chosen at each start, with SCRAM password
/// authentication and no Unix socket, so other local users cannot get in without the
/// passwords. When root starts it, PostgreSQL runs as the `postgres` account.
public struct LocalPostgresCluster: Sendable {
    public static let superuserName = "postgres"
    public static let ownerRole = "portico_owner"
    public static let appRole = "portico_app"
    public static let databaseName = "portico"

    /// The cluster folder (relative paths start at the working folder).
    public var dataDirectory: String
    public var installation: PostgresInstallation
    /// A throwaway cluster for tests: no fsync, and the folder is deleted once the process
    /// that started it has exited.
    public var isEphemeral: Bool
    /// Where root puts data directories that the `postgres` account cannot reach.
    var relocationRoot: String

    public init(dataDirectory: String, installation: PostgresInstallation, isEphemeral: Bool = false) {
        self.init(
            dataDirectory: dataDirectory,
            installation: installation,
            isEphemeral: isEphemeral,
            relocationRoot: ClusterLayout.defaultRelocationRoot
        )
    }

    init(dataDirectory: String, installation: PostgresInstallation, isEphemeral: Bool, relocationRoot: String) {
        self.dataDirectory = dataDirectory
        self.installation = installation
        self.isEphemeral = isEphemeral
        self.relocationRoot = relocationRoot
    }

    /// Creates the cluster if the folder has none, starts it, waits until it accepts
    /// connections and makes sure the Portico roles and database exist.
    ///
    /// Only one process at a time runs a cluster: while one has it started, another's
    /// `start` fails (``LocalPostgresClusterError/Code/inUse``). A PostgreSQL left running
    /// by a process that died is stopped first, and a stale `postmaster.pid` is removed.
    /// If this process dies without calling ``RunningPostgresCluster/stop()``, a small
    /// watchdog process stops the cluster.
    public func start(logger: Logger) async throws(LocalPostgresClusterError) -> RunningPostgresCluster {
        let folder = ClusterLayout.absolute(dataDirectory)
        try ClusterLayout.makeFolder(folder, mode: geteuid() == 0 ? 0o711 : 0o700)
        let lock = try ClusterFolderLock.acquire(in: folder)
        do {
            return try await start(in: folder, holding: lock, logger: logger)
        } catch {
            lock.release()
            throw error
        }
    }

    private func start(
        in folder: String,
        holding lock: ClusterFolderLock,
        logger: Logger
    ) async throws(LocalPostgresClusterError) -> RunningPostgresCluster {
        let (layout, account, exists) = try await locate(folder: folder)
        if isEphemeral {
            // Watching from the start, so that even a creation cut short is cleaned up.
            let removed = [folder] + (layout.isRelocated ? [layout.home] : [])
            try await ClusterWatchdog.spawn(lockFile: layout.lockFile, postmaster: nil, removeOnExit: removed)
        }
        let control = ClusterControl(installation: installation, account: account, layout: layout)
        let credentials = try await exists ? ClusterCredentials.load(from: layout.credentialsFile) : create(control, logger: logger)
        try await control.clearStaleLock(logger: logger)
        let (port, postmaster) = try await control.start(isEphemeral: isEphemeral, logger: logger)
        let running = RunningPostgresCluster(
            control: control,
            lock: lock,
            port: port,
            postmasterProcessID: postmaster,
            credentials: credentials
        )
        do {
            if !isEphemeral {
                try await ClusterWatchdog.spawn(lockFile: layout.lockFile, postmaster: postmaster, removeOnExit: [])
            }
            try await ClusterRoles.setUp(running, credentials: credentials, logger: logger)
        } catch {
            try? await running.stop()
            throw error
        }
        logger.info("PostgreSQL is running", metadata: ["folder": "\(folder)", "port": "\(port)"])
        return running
    }

    /// The layout of the cluster in `folder` and the account it runs as, and whether it
    /// exists yet.
    private func locate(
        folder: String
    ) async throws(LocalPostgresClusterError) -> (ClusterLayout, ClusterAccount, exists: Bool) {
        if let layout = try ClusterLayout.existing(in: folder) {
            try Self.checkShellSafe(layout)
            return (layout, try ClusterAccount.forCluster(dataOwner: Self.owner(of: layout.postgresData)), true)
        }
        let account = try ClusterAccount.forCluster(dataOwner: nil)
        let layout = try await ClusterLayout.new(in: folder, account: account, relocationRoot: relocationRoot)
        try Self.checkShellSafe(layout)
        return (layout, account, false)
    }

    /// Creates the cluster with new passwords. They are saved first: a creation cut short
    /// leaves no data directory, and the next start creates it again with new ones.
    private func create(_ control: ClusterControl, logger: Logger) async throws(LocalPostgresClusterError) -> ClusterCredentials {
        let credentials = ClusterCredentials.generate()
        try credentials.save(to: control.layout.credentialsFile)
        try await control.create(credentials: credentials, logger: logger)
        return credentials
    }

    private static func owner(of path: String) -> uid_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_uid : nil
    }

    /// `pg_ctl` hands the data directory and log file to `/bin/sh` inside double quotes.
    private static func checkShellSafe(_ layout: ClusterLayout) throws(LocalPostgresClusterError) {
        let unsafe: Set<Character> = ["\"", "\\", "$", "`", "\n"]
        guard !layout.postgresData.contains(where: unsafe.contains) else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "the data folder's path may not contain \", \\, $, ` or a line break (pg_ctl passes it to a shell)"
            )
        }
    }
}
