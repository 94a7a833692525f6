#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The operating-system account PostgreSQL runs as, and how to run a program as it.
///
/// `initdb`, `pg_ctl` and `postgres` refuse to run as root, so a server started by root
/// runs them as the unprivileged `postgres` account (the one the distribution's package
/// creates), or as whoever already owns an existing cluster.
struct ClusterAccount: Sendable, Equatable {
    var name: String
    var uid: uid_t
    var gid: gid_t
    /// Whether the server runs as root and must switch to this account for PostgreSQL.
    var switchesUser: Bool

    /// The account for a cluster whose data folder is owned by `dataOwner` (nil: not
    /// created yet).
    static func forCluster(dataOwner: uid_t?) throws(LocalPostgresClusterError) -> ClusterAccount {
        guard geteuid() == 0 else {
            guard let current = lookUp(uid: geteuid()) else {
                throw LocalPostgresClusterError(.noUnprivilegedAccount, "the current user (uid \(geteuid())) has no account entry")
            }
            return current
        }
        if let dataOwner, dataOwner != 0 {
            guard let owner = lookUp(uid: dataOwner) else {
                throw LocalPostgresClusterError(
                    .unusableDataDirectory,
                    "the cluster's data belongs to uid \(dataOwner), which has no account to run PostgreSQL as"
                )
            }
            return ClusterAccount(name: owner.name, uid: owner.uid, gid: owner.gid, switchesUser: true)
        }
        guard let postgres = lookUp(name: "postgres"), postgres.uid != 0 else {
            throw LocalPostgresClusterError(
                .noUnprivilegedAccount,
                "PostgreSQL refuses to run as root and there is no 'postgres' account to run it as; "
                    + "create one (useradd --system postgres) or start Portico as a normal user"
            )
        }
        return ClusterAccount(name: postgres.name, uid: postgres.uid, gid: postgres.gid, switchesUser: true)
    }

    /// `program arguments` as this account, with `/` as working folder: PostgreSQL's
    /// programs look up the current folder, which the account may not be allowed to enter
    /// (root's home, for instance).
    func command(_ program: String, _ arguments: [String]) -> [String] {
        let inRootFolder = ["/bin/sh", "-c", #"cd / && exec "$0" "$@""#, program] + arguments
        guard switchesUser else { return inRootFolder }
        if let setpriv = PostgresInstallation.findOnPath("setpriv", path: "/usr/bin:/bin:/usr/sbin:/sbin") {
            return [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--"] + inRootFolder
        }
        let runuser = PostgresInstallation.findOnPath("runuser", path: "/usr/sbin:/sbin:/usr/bin:/bin") ?? "/sbin/runuser"
        return [runuser, "-u", name, "--"] + inRootFolder
    }

    /// Gives `path` to this account (when the server runs as root).
    func takeOwnership(of path: String) throws(LocalPostgresClusterError) {
        guard switchesUser else { return }
        guard chown(path, uid, gid) == 0 else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "cannot hand \(path) to the account '\(name)': \(String(cString: strerror(errno)))"
            )
        }
    }

    private static func lookUp(name: String) -> ClusterAccount? {
        withPasswordEntry { getpwnam_r(name, &$0, $1, $2, &$3) }
    }

    private static func lookUp(uid: uid_t) -> ClusterAccount? {
        withPasswordEntry { getpwuid_r(uid, &$0, $1, $2, &$3) }
    }

    private static func withPasswordEntry(
        _ lookUp: (inout passwd, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<passwd>?) -> Int32
    ) -> ClusterAccount? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        return buffer.withUnsafeMutableBufferPointer { storage in
            guard lookUp(&entry, storage.baseAddress!, storage.count, &result) == 0, result != nil else { return nil }
            return ClusterAccount(
                name: String(cString: entry.pw_name),
                uid: entry.pw_uid,
                gid: entry.pw_gid,
                switchesUser: false
            )
        }
    }
}
