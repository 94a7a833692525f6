import Synchronization

/// A started ``LocalPostgresCluster``: how to connect to it, and how to stop it.
public final class RunningPostgresCluster: Sendable {
    /// The superuser `postgres`, database `portico`. For setup and tests only.
    public let superuser: PostgresConnectionSettings
    /// `portico_owner`, which owns database `portico`: migrations.
    public let owner: PostgresConnectionSettings
    /// `portico_app` (no superuser, no BYPASSRLS): the server's queries.
    public let app: PostgresConnectionSettings
    /// The cluster folder, absolute.
    public let dataDirectory: String
    /// PostgreSQL's own data directory (inside the cluster folder unless root had to put
    /// it where the `postgres` account can reach it).
    public let postgresDataDirectory: String
    let postmasterProcessID: Int32
    private let control: ClusterControl
    private let lock: ClusterFolderLock
    private let stopping = Mutex<Task<Void, any Error>?>(nil)

    init(
        control: ClusterControl,
        lock: ClusterFolderLock,
        port: Int,
        postmasterProcessID: Int32,
        credentials: ClusterCredentials
    ) {
        func settings(_ username: String, _ password: String) -> PostgresConnectionSettings {
            PostgresConnectionSettings(
                host: "127.0.0.1",
                port: port,
                username: username,
                password: password,
                database: LocalPostgresCluster.databaseName,
                tlsMode: .disable
            )
        }
        superuser = settings(LocalPostgresCluster.superuserName, credentials.superuserPassword)
        owner = settings(LocalPostgresCluster.ownerRole, credentials.ownerPassword)
        app = settings(LocalPostgresCluster.appRole, credentials.appPassword)
        dataDirectory = control.layout.folder
        postgresDataDirectory = control.layout.postgresData
        self.postmasterProcessID = postmasterProcessID
        self.control = control
        self.lock = lock
    }

    /// Stops the server (`pg_ctl stop -m fast`: open connections are closed, their
    /// transactions rolled back) and waits until it is down. Calling it again, or
    /// concurrently, waits for the same stop.
    public func stop() async throws(LocalPostgresClusterError) {
        let task = stopping.withLock { task in
            if let task { return task }
            let (control, lock) = (self.control, self.lock)
            let newTask = Task<Void, any Error> {
                try await control.stop(mode: "fast")
                lock.release()
            }
            task = newTask
            return newTask
        }
        do {
            try await task.value
        } catch let error as LocalPostgresClusterError {
            throw error
        } catch {
            throw LocalPostgresClusterError(.stopFailed, "stopping PostgreSQL failed", cause: error)
        }
    }

    /// Gives the cluster up without stopping it, as a process that dies does: for tests of
    /// what the next start does with a server left running.
    func abandon() {
        lock.release()
    }

    /// The last lines of the server's log (for diagnostics).
    public func logTail() -> String {
        control.logTail()
    }
}
