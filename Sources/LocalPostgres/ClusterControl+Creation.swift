#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging

extension ClusterControl {
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
}
