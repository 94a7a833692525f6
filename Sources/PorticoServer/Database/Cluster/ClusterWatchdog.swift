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
/// signals the postmaster only while `postmaster.pid` still names it, so a process that
/// later reuses the id is never touched. With paths to remove (ephemeral clusters) it
/// deletes them once this process and the postmaster are gone; without, it exits as soon
/// as the cluster was stopped normally.
enum ClusterWatchdog {
    static let script = #"""
        owner=$1 postmaster=$2 lockfile=$3
        shift 3
        ours() {
            [ "$(head -n 1 "$lockfile" 2>/dev/null)" = "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null
        }
        while kill -0 "$owner" 2>/dev/null; do
            if [ $# -eq 0 ] && ! ours; then exit 0; fi
            sleep 0.5
        done
        if ours; then
            kill -INT "$postmaster"
            waited=0
            while kill -0 "$postmaster" 2>/dev/null; do
                waited=$((waited + 1))
                if [ "$waited" -eq 300 ]; then kill -QUIT "$postmaster"; fi
                sleep 0.1
            done
        fi
        if [ $# -gt 0 ]; then rm -rf -- "$@"; fi
        """#

    /// Starts the watchdog for the postmaster `postmaster` and returns at once.
    static func spawn(postmaster: pid_t, lockFile: String, removeOnExit: [String]) async throws(LocalPostgresClusterError) {
        // The outer shell puts the watchdog in the background and exits, so the watchdog
        // is nobody's child here and needs no reaping.
        let launcher = #"/bin/sh -c "$0" portico-postgres-watchdog "$@" </dev/null >/dev/null 2>&1 &"#
        let arguments = [script, "\(getpid())", "\(postmaster)", lockFile] + removeOnExit
        let result = try await ChildProcess.run(
            ["/bin/sh", "-c", launcher] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        )
        guard result.status == 0 else {
            throw LocalPostgresClusterError(.commandFailed, "could not start the cluster's watchdog: \(result.output)")
        }
    }
}
