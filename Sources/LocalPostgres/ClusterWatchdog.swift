#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny shell process that outlives us to stop the cluster when this process dies
/// without stopping it (a crash, SIGKILL, a test run killed halfway).
///
/// It polls rather than relying on a parent-death signal: Linux sends that when the
/// *thread* that spawned the child exits, and this process's threads come and go. It
/// signals only the process that `postmaster.pid` names while that file exists, so a
/// process that later reuses a postmaster's id is never touched.
///
/// Two kinds: one that watches a given postmaster and ends when it stops normally (a
/// durable cluster); and, for an ephemeral cluster, one that waits for this process to
/// end, stops whatever postmaster the lock file then names and deletes the cluster's
/// folders.
enum ClusterWatchdog {
    static let script = #"""
        owner=$1 lockfile=$2 expected=$3
        shift 3
        running() {
            pid=$(head -n 1 "$lockfile" 2>/dev/null)
            [ -n "$pid" ] && { [ "$expected" = - ] || [ "$pid" = "$expected" ]; } && kill -0 "$pid" 2>/dev/null
        }
        while kill -0 "$owner" 2>/dev/null; do
            if [ "$expected" != - ] && ! running; then exit 0; fi
            sleep 0.5
        done
        if running; then
            kill -INT "$pid"
            waited=0
            # The postmaster deletes the lock file as it exits; a zombie still answers kill -0.
            while running && [ "$waited" -lt 600 ]; do
                waited=$((waited + 1))
                if [ "$waited" -eq 300 ]; then kill -QUIT "$pid"; fi
                sleep 0.1
            done
        fi
        if [ $# -gt 0 ]; then rm -rf -- "$@"; fi
        """#

    /// Starts a watchdog and returns at once. `postmaster` nil: whichever postmaster the
    /// lock file names when this process has ended.
    static func spawn(
        lockFile: String,
        postmaster: pid_t?,
        removeOnExit: [String]
    ) async throws(LocalPostgresClusterError) {
        // The outer shell puts the watchdog in the background and exits, so the watchdog
        // is nobody's child here and needs no reaping.
        let launcher = #"/bin/sh -c "$0" portico-postgres-watchdog "$@" </dev/null >/dev/null 2>&1 &"#
        let expected = postmaster.map { "\($0)" } ?? "-"
        let arguments = [script, "\(getpid())", lockFile, expected] + removeOnExit
        let result = try await ChildProcess.run(
            ["/bin/sh", "-c", launcher] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        )
        guard result.status == 0 else {
            throw LocalPostgresClusterError(.commandFailed, "could not start the cluster's watchdog: \(result.output)")
        }
    }
}
