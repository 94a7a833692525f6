#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An exclusive `flock` on `portico.lock` in the cluster folder, held while this process
/// runs the cluster.
///
/// It tells a postmaster left behind by a dead process (stop it, start afresh) from one
/// that another live server is using (leave it alone): the kernel drops the lock when its
/// holder dies, however it dies. Children never inherit it, since ``ChildProcess`` closes
/// every descriptor of ours in them.
final class ClusterFolderLock: Sendable {
    private let descriptor: Mutex<Int32?>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    static func acquire(in folder: String) throws(LocalPostgresClusterError) -> ClusterFolderLock {
        let path = "\(folder)/portico.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw fileError("open", path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK else { throw fileError("lock", path) }
            throw LocalPostgresClusterError(
                .inUse,
                "another process is running the PostgreSQL cluster in \(folder); stop it first"
            )
        }
        return ClusterFolderLock(descriptor: descriptor)
    }

    /// Lets another process take the cluster. Later calls do nothing.
    ///
    /// Unlocks before closing: a child that another thread is forking at this moment
    /// holds a copy of the descriptor until it execs (and so the lock, were it only
    /// closed here), which would make an immediate restart fail as "in use".
    func release() {
        descriptor.withLock { descriptor in
            if let open = descriptor {
                flock(open, LOCK_UN)
                close(open)
            }
            descriptor = nil
        }
    }

    deinit {
        release()
    }
}
