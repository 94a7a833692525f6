#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import SystemSupport

extension ClusterControl {
    /// Starts the server on a free loopback port and waits (bounded) until it is ready.
    /// Returns the port and the postmaster's process id.
    func start(isEphemeral: Bool, logger: Logger) async throws(LocalPostgresClusterError) -> (port: Int, postmaster: pid_t) {
        for attempt in 1...Self.startAttempts {
            let port = try Self.freeLoopbackPort()
            // The log holds this start only, so a failure shows its own reason.
            truncate(layout.logFile, 0)
            var options = "-p \(port)"
            if isEphemeral {
                // Test runs start dozens of servers at once, each with its own pool.
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                    + " -c max_connections=1000"
            }
            let result = try await run("pg_ctl", [
                "start", "--pgdata=\(layout.postgresData)", "--log=\(layout.logFile)", "--wait",
                "--timeout=\(Self.serverTimeoutSeconds)", "--silent", "-o", options,
            ])
            if result.status == 0, let postmaster = postmasterProcessID() {
                return (port, postmaster)
            }
            let log = logTail()
            // Someone took the port between our check and PostgreSQL's bind.
            let lostPort = log.contains("could not bind") || log.contains("Address already in use")
            if lostPort && attempt < Self.startAttempts { continue }
            try? await stop(mode: "immediate")
            throw LocalPostgresClusterError(
                .startFailed,
                "PostgreSQL did not start in \(layout.postgresData): \(Self.tail(result.output, lines: 5))\n"
                    + "last lines of \(layout.logFile):\n\(log)"
            )
        }
        preconditionFailure("the last attempt returns or throws")
    }

    /// `pg_ctl stop` in the given shutdown mode; nothing when the server is not running.
    func stop(mode: String) async throws(LocalPostgresClusterError) {
        guard FileManager.default.fileExists(atPath: layout.lockFile) else { return }
        let result = try await run("pg_ctl", [
            "stop", "--pgdata=\(layout.postgresData)", "--mode=\(mode)", "--wait",
            "--timeout=\(Self.serverTimeoutSeconds)", "--silent",
        ])
        guard result.status == 0 || !FileManager.default.fileExists(atPath: layout.lockFile) else {
            throw LocalPostgresClusterError(
                .stopFailed,
                "PostgreSQL in \(layout.postgresData) did not stop: \(Self.tail(result.output, lines: 5))"
            )
        }
    }

    /// The postmaster's process id, from the first line of `postmaster.pid`.
    func postmasterProcessID() -> pid_t? {
        guard let data = FileManager.default.contents(atPath: layout.lockFile) else { return nil }
        let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
        return pid_t(firstLine.trimmingCharacters(in: .whitespaces))
    }

    /// Makes sure a `postmaster.pid` left by an earlier run does not block this start.
    ///
    /// PostgreSQL itself removes the file when its process id is dead, but refuses to start
    /// when that id now belongs to any live process, which is common after a container
    /// restart. So: a live postmaster of this very data directory (its owner was killed,
    /// the watchdog did not get to stop it) is stopped; any other file is removed.
    func clearStaleLock(logger: Logger) async throws(LocalPostgresClusterError) {
        guard let pid = postmasterProcessID() else { return }
        if isPostmasterOfThisCluster(pid) {
            logger.warning("stopping a PostgreSQL that an earlier run left running", metadata: ["pid": "\(pid)"])
            try await stop(mode: "fast")
        } else {
            logger.info("removing a stale postmaster.pid", metadata: ["pid": "\(pid)"])
            unlink(layout.lockFile)
        }
    }

    /// A postmaster works in its data directory, so the process's working folder tells.
    private func isPostmasterOfThisCluster(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let workingFolder = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd") else {
            // No /proc (or not allowed to look): if it is alive, assume the worst and let
            // pg_ctl deal with it rather than deleting a live server's lock.
            return !FileManager.default.fileExists(atPath: "/proc/self")
        }
        return workingFolder == layout.postgresData
    }
}

extension ClusterControl {
    /// A port that was free on 127.0.0.1 a moment ago (`LoopbackPort`).
    static func freeLoopbackPort() throws(LocalPostgresClusterError) -> Int {
        do {
            return try LoopbackPort.free()
        } catch {
            throw LocalPostgresClusterError(.commandFailed, error.description)
        }
    }
}
