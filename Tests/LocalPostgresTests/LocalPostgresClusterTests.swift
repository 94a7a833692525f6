import Foundation
import Logging
@testable import LocalPostgres
import PostgresNIO
import PostgresTestSupport
import Testing
import TestSupport

/// Each test runs a cluster of its own (not the shared test cluster): these tests are
/// about creating, starting and stopping one.
@Suite struct LocalPostgresClusterTests {
    let logger = TestPostgres.logger

    struct RoleAttributes: Equatable {
        var name: String
        var superuser: Bool
        var bypassesRLS: Bool
        var createsDatabases: Bool
        var createsRoles: Bool
        var logsIn: Bool
    }

    @Test func createsTheRolesTheServerNeeds() async throws {
        try await withCluster("roles") { cluster async throws in
            try await checkRoles(cluster)
        }
    }

    private func checkRoles(_ cluster: RunningPostgresCluster) async throws {
        let roles = try await cluster.superuser.withConnection(logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT rolname, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolcanlogin
                FROM pg_catalog.pg_roles WHERE rolname LIKE 'portico%' ORDER BY rolname
                """,
                logger: logger
            )
            var roles: [RoleAttributes] = []
            for try await row in rows.decode((String, Bool, Bool, Bool, Bool, Bool).self) {
                roles.append(RoleAttributes(
                    name: row.0, superuser: row.1, bypassesRLS: row.2,
                    createsDatabases: row.3, createsRoles: row.4, logsIn: row.5
                ))
            }
            return roles
        }
        #expect(roles == [
            RoleAttributes(name: "portico_app", superuser: false, bypassesRLS: false, createsDatabases: false, createsRoles: false, logsIn: true),
            RoleAttributes(name: "portico_owner", superuser: false, bypassesRLS: false, createsDatabases: false, createsRoles: false, logsIn: true),
        ])
        #expect(try await databaseOwner(LocalPostgresCluster.databaseName, in: cluster) == "portico_owner")
    }

    @Test func theAppAndOwnerRolesConnectWithTheirPasswordsOnly() async throws {
        try await withCluster("connect") { cluster async throws in
            #expect(cluster.app.host == "127.0.0.1")
            #expect(cluster.app.database == "portico")
            #expect(try await whoAmI(cluster.app) == "portico_app@portico")
            #expect(try await whoAmI(cluster.owner) == "portico_owner@portico")
            var wrongPassword = cluster.app
            wrongPassword.password = "not-the-password"
            let error = await #expect(throws: PSQLError.self) { try await connectOnce(wrongPassword) }
            #expect(error?.serverInfo?[.sqlState] == "28P01")
        }
    }

    @Test func keepsItsDataAndPasswordsAcrossARestart() async throws {
        let folder = TemporaryFolder("cluster-restart")
        defer { folder.remove() }
        let first = try await startCluster(in: folder)
        try await first.owner.withConnection(logger: logger) { connection in
            try await connection.query("CREATE TABLE kept (value text)", logger: logger)
            try await connection.query("INSERT INTO kept VALUES ('before the restart')", logger: logger)
        }
        try await first.stop()
        try await first.stop()
        await #expect(throws: PSQLError.self) { try await connectOnce(first.owner) }

        let second = try await startCluster(in: folder)
        try await stopping(second) { () async throws in
            #expect(second.owner.password == first.owner.password)
            #expect(second.app.password == first.app.password)
            #expect(try await keptValues(second) == ["before the restart"])
        }
        #expect(try await exits(second.postmasterProcessID))
    }

    @Test func startsAfterTheServerWasKilledAndItsPidNowBelongsToAnotherProcess() async throws {
        let folder = TemporaryFolder("cluster-killed")
        defer { folder.remove() }
        // Durable: a throwaway cluster commits without waiting for the WAL, and a killed
        // server may lose the last commits.
        let first = try await startCluster(in: folder, isEphemeral: false)
        try await first.owner.withConnection(logger: logger) { connection in
            try await connection.query("CREATE TABLE kept (value text)", logger: logger)
            try await connection.query("INSERT INTO kept VALUES ('before the kill')", logger: logger)
        }
        kill(first.postmasterProcessID, SIGKILL)
        first.abandon()
        #expect(try await exits(first.postmasterProcessID))
        // After a container restart the old pid often belongs to some other live process.
        let lockFile = "\(first.postgresDataDirectory)/postmaster.pid"
        let lock = try String(contentsOfFile: lockFile, encoding: .utf8)
        let lines = lock.split(separator: "\n", omittingEmptySubsequences: false)
        try (["\(getpid())"] + lines.dropFirst()).joined(separator: "\n").write(toFile: lockFile, atomically: false, encoding: .utf8)

        let second = try await startCluster(in: folder, isEphemeral: false)
        try await stopping(second) { () async throws in
            #expect(try await keptValues(second) == ["before the kill"])
        }
    }

    @Test func stopsAServerThatAnEarlierProcessLeftRunning() async throws {
        let folder = TemporaryFolder("cluster-leftover")
        defer { folder.remove() }
        let leftover = try await startCluster(in: folder)
        leftover.abandon()
        let second = try await startCluster(in: folder)
        try await stopping(second) { () async throws in
            #expect(second.postmasterProcessID != leftover.postmasterProcessID)
            #expect(try await exits(leftover.postmasterProcessID))
            #expect(try await whoAmI(second.app) == "portico_app@portico")
        }
    }

    @Test func keepsThePasswordsInAFileOnlyTheServerCanRead() async throws {
        try await withCluster("files") { cluster async throws in
            try checkCredentialsFile(cluster)
        }
    }

    private func checkCredentialsFile(_ cluster: RunningPostgresCluster) throws {
        let folder = cluster.dataDirectory
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/credentials.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.ownerAccountID] as? Int) == Int(geteuid()))
        let credentials = try ClusterCredentials.load(from: "\(folder)/credentials.json")
        #expect(credentials.appPassword == cluster.app.password)
        #expect(credentials.appPassword.count == 48)
        #expect(Set([credentials.superuserPassword, credentials.ownerPassword, credentials.appPassword]).count == 3)
    }

    @Test func aClusterRunsForOneProcessAtATime() async throws {
        try await withCluster("in-use") { cluster async throws in
            let error = await #expect(throws: LocalPostgresClusterError.self) {
                try await startCluster(in: cluster.dataDirectory)
            }
            #expect(error?.code == .inUse)
            #expect(error?.message == "another process is running the PostgreSQL cluster in \(cluster.dataDirectory); stop it first")
            #expect(try await whoAmI(cluster.app) == "portico_app@portico")
        }
    }

    @Test func aServerThatCannotStartFailsWithTheEndOfItsLog() async throws {
        let folder = TemporaryFolder("cluster-broken")
        defer { folder.remove() }
        let cluster = try await startCluster(in: folder)
        try await cluster.stop()
        let configuration = "\(cluster.postgresDataDirectory)/postgresql.conf"
        let handle = try #require(FileHandle(forWritingAtPath: configuration))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("shared_buffers = 'lots'\n".utf8))
        try handle.close()

        let error = await #expect(throws: LocalPostgresClusterError.self) { try await startCluster(in: folder) }
        #expect(error?.code == .startFailed)
        #expect(error?.message.hasPrefix("PostgreSQL did not start in \(cluster.postgresDataDirectory): ") == true)
        #expect(error?.message.contains(#"invalid value for parameter "shared_buffers": "lots""#) == true)
    }

    @Test func aClusterWhosePasswordsAreGoneIsRefusedWithAHint() async throws {
        let folder = TemporaryFolder("cluster-no-credentials")
        defer { folder.remove() }
        let cluster = try await startCluster(in: folder)
        try await cluster.stop()
        try FileManager.default.removeItem(atPath: folder.appending("credentials.json"))

        let error = await #expect(throws: LocalPostgresClusterError.self) { try await startCluster(in: folder) }
        #expect(error?.code == .unusableDataDirectory)
        #expect(
            error?.message == "\(folder.path)/credentials.json is missing or unreadable: the cluster's passwords are "
                + "lost; remove the cluster folder to start over with an empty database"
        )
    }

    @Test(.enabled(if: geteuid() == 0, "only root switches to the postgres account"))
    func rootRunsPostgresAsThePostgresAccountAndRelocatesUnreachableData() async throws {
        let parent = TemporaryFolder("cluster-private")
        let relocationRoot = TemporaryFolder("cluster-relocated")
        defer { parent.remove(); relocationRoot.remove() }
        try FileManager.default.createDirectory(atPath: parent.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let folder = parent.appending("postgres")
        let local = LocalPostgresCluster(
            dataDirectory: folder,
            installation: try await PostgresInstallation.locate(),
            isEphemeral: true,
            relocationRoot: relocationRoot.path
        )
        let cluster = try await local.start(logger: logger)
        try await stopping(cluster) { () async throws in
            #expect(cluster.postgresDataDirectory.hasPrefix(relocationRoot.path + "/"))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/data") == cluster.postgresDataDirectory)
            let dataOwner = try FileManager.default.attributesOfItem(atPath: cluster.postgresDataDirectory)[.ownerAccountName]
            #expect(dataOwner as? String == "postgres")
        }
        let restarted = try await local.start(logger: logger)
        try await stopping(restarted) { () async throws in
            #expect(restarted.postgresDataDirectory == cluster.postgresDataDirectory)
            #expect(try await whoAmI(restarted.app) == "portico_app@portico")
        }
    }

    // MARK: Helpers

    /// A fresh cluster for `body`, stopped and deleted afterwards whatever happens.
    private func withCluster(_ label: String, _ body: (RunningPostgresCluster) async throws -> Void) async throws {
        let folder = TemporaryFolder("cluster-\(label)")
        defer { folder.remove() }
        let cluster = try await startCluster(in: folder)
        try await stopping(cluster) { try await body(cluster) }
    }

    /// Runs `body`, then stops `cluster` even when `body` threw.
    private func stopping(_ cluster: RunningPostgresCluster, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            try? await cluster.stop()
            throw error
        }
        try await cluster.stop()
    }

    /// One plain connection: fails at once when the server refuses (a client's pool
    /// would keep retrying).
    private func connectOnce(_ settings: PostgresConnectionSettings) async throws {
        try await settings.withConnection(logger: logger) { _ in }
    }

    private func startCluster(in folder: TemporaryFolder, isEphemeral: Bool = true) async throws -> RunningPostgresCluster {
        try await startCluster(in: folder.path, isEphemeral: isEphemeral)
    }

    private func startCluster(in folder: String, isEphemeral: Bool = true) async throws -> RunningPostgresCluster {
        let installation = try await PostgresInstallation.locate()
        return try await LocalPostgresCluster(dataDirectory: folder, installation: installation, isEphemeral: isEphemeral)
            .start(logger: logger)
    }

    /// Connects through a postgres-nio client (the server's way) and names the session.
    private func whoAmI(_ settings: PostgresConnectionSettings) async throws -> String {
        // The first query may come before the client's run() has begun, which postgres-nio
        // warns about (and handles): not worth a line in the test output.
        var quiet = logger
        quiet.logLevel = .error
        return try await settings.withClient(logger: quiet) { client in
            let rows = try await client.query("SELECT current_user || '@' || current_database()", logger: quiet)
            for try await name in rows.decode(String.self) { return name }
            return ""
        }
    }

    private func keptValues(_ cluster: RunningPostgresCluster) async throws -> [String] {
        try await cluster.owner.withConnection(logger: logger) { connection in
            try await connection.query("SELECT value FROM kept", logger: logger).collect().map { try $0.decode(String.self) }
        }
    }

    private func databaseOwner(_ database: String, in cluster: RunningPostgresCluster) async throws -> String {
        try await cluster.superuser.withConnection(logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT pg_catalog.pg_get_userbyid(datdba)::text FROM pg_catalog.pg_database WHERE datname = \(database)",
                logger: logger
            )
            for try await owner in rows.decode(String.self) { return owner }
            return ""
        }
    }

    /// Whether process `pid` is gone within five seconds. A zombie counts as gone: the
    /// postmaster's parent is init, which may reap it a moment later.
    private func exits(_ pid: Int32) async throws -> Bool {
        for _ in 0..<200 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let state = stat.split(separator: ")").last?.split(separator: " ").first
            else { return true }
            if state == "Z" { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return false
    }
}
