#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// Where a local cluster's files are.
///
/// The cluster folder holds `credentials.json` and `data`, PostgreSQL's data directory.
/// When root runs the server in a folder the `postgres` account cannot reach (anything
/// under root's 0700 home, say), the data directory lives under the relocation root
/// instead, `data` is a symbolic link to it, and no folder's permissions are widened.
struct ClusterLayout: Sendable, Equatable {
    /// The cluster folder, absolute.
    var folder: String
    /// PostgreSQL's data directory, with symbolic links resolved.
    var postgresData: String
    /// Whether `postgresData` lives outside `folder`.
    var isRelocated: Bool

    var credentialsFile: String { "\(folder)/credentials.json" }
    var dataLink: String { "\(folder)/data" }
    /// The folder that holds `postgresData`: the cluster folder, or its relocated home.
    var home: String { (postgresData as NSString).deletingLastPathComponent }
    var logFile: String { "\(postgresData)/portico-postgres.log" }
    var lockFile: String { "\(postgresData)/postmaster.pid" }
    var exists: Bool { FileManager.default.fileExists(atPath: "\(postgresData)/PG_VERSION") }

    /// Where root keeps data directories that the `postgres` account could not reach in
    /// the requested folder.
    static let defaultRelocationRoot = "/var/lib/portico/postgres"

    /// An absolute, normalized form of `path` (relative paths start at the working folder).
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    /// The layout of an existing cluster in `folder`, or nil when there is none yet.
    static func existing(in folder: String) throws(LocalPostgresClusterError) -> ClusterLayout? {
        let link = "\(folder)/data"
        var linkStatus = stat()
        guard lstat(link, &linkStatus) == 0 else { return nil }
        guard let resolved = realpath(link, nil) else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "\(link) points to a data directory that is gone; remove \(folder) to start over"
            )
        }
        defer { free(resolved) }
        let layout = ClusterLayout(
            folder: folder,
            postgresData: String(cString: resolved),
            isRelocated: (linkStatus.st_mode & S_IFMT) == S_IFLNK
        )
        guard layout.exists else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "\(layout.postgresData) is not a PostgreSQL data directory (no PG_VERSION)"
            )
        }
        return layout
    }

    /// The layout of a cluster about to be created in `folder`, relocated when `account`
    /// cannot reach the folder.
    static func new(
        in folder: String,
        account: ClusterAccount,
        relocationRoot: String
    ) async throws(LocalPostgresClusterError) -> ClusterLayout {
        let direct = ClusterLayout(folder: folder, postgresData: "\(folder)/data", isRelocated: false)
        guard account.switchesUser, try await !account.canEnter(folder) else { return direct }
        let digest = SHA256.hash(data: Data(folder.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        let home = "\(relocationRoot)/\(digest)"
        try makeFolder(home, mode: 0o711)
        guard try await account.canEnter(home) else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "the account '\(account.name)' can reach neither \(folder) nor \(home); "
                    + "choose a data folder it can enter"
            )
        }
        return ClusterLayout(folder: folder, postgresData: "\(home)/data", isRelocated: true)
    }

    /// Creates `path` with `mode`, and its missing parents; an existing folder keeps its
    /// permissions.
    static func makeFolder(_ path: String, mode: mode_t) throws(LocalPostgresClusterError) {
        let parent = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw LocalPostgresClusterError(.unusableDataDirectory, "cannot create \(parent)", cause: error)
        }
        if mkdir(path, mode) == 0 {
            guard chmod(path, mode) == 0 else { throw fileError("set the permissions of", path) }
        } else if errno != EEXIST {
            throw fileError("create", path)
        }
    }
}

extension ClusterAccount {
    /// Whether this account may enter `folder`: asked of the account itself, since
    /// permissions, ACLs and mount options of every parent all have a say.
    func canEnter(_ folder: String) async throws(LocalPostgresClusterError) -> Bool {
        let check = try await ChildProcess.run(
            command("/bin/sh", ["-c", #"test -x "$1""#, "portico-check", folder]),
            environment: ["PATH": "/usr/bin:/bin"]
        )
        return check.status == 0
    }
}
