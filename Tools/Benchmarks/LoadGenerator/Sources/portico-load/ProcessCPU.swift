#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's CPU time (user + system, all threads): how much of the machine the
/// load generator itself takes, which matters when it shares cores with the server.
enum ProcessCPU {
    static func now() -> Duration {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }

    /// CPU time used between the window's start and end (sleeps until then).
    static func used(during window: MeasurementWindow) async -> Duration {
        try? await Task.sleep(until: window.start, clock: .continuous)
        let before = now()
        try? await Task.sleep(until: window.end, clock: .continuous)
        return now() - before
    }

    private static func duration(_ time: timeval) -> Duration {
        .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
    }
}
