import LoadStatistics

/// The outcome of a load run: every caller's timed calls inside the window, and the
/// failures.
struct LoadResult: Sendable {
    var latencies: [UInt64]
    var errorCount: Int
    var firstError: String?
    var measured: Duration
    var clientCPU: Duration

    init(outcomes: [CallerOutcome], measured: Duration, clientCPU: Duration) {
        self.latencies = outcomes.flatMap(\.latencies)
        self.errorCount = outcomes.count { $0.firstError != nil }
        self.firstError = outcomes.lazy.compactMap(\.firstError).first
        self.measured = measured
        self.clientCPU = clientCPU
    }

    var callsPerSecond: Double {
        Double(latencies.count) / measured.secondsValue
    }

    var resultLine: ResultLine {
        let summary = LatencySummary(nanoseconds: latencies)
        var line = ResultLine()
        line.append("calls", String(latencies.count))
        line.append("seconds", String(measured.secondsValue))
        line.append("calls_per_second", String(Int(callsPerSecond.rounded())))
        line.append("p50_ms", summary?.p50.millisecondsText ?? "-")
        line.append("p99_ms", summary?.p99.millisecondsText ?? "-")
        line.append("max_ms", summary?.max.millisecondsText ?? "-")
        line.append("errors", String(errorCount))
        line.append("client_cpu_seconds", String(format2(clientCPU.secondsValue)))
        return line
    }

    func summary(of plan: LoadPlan) -> String {
        let summary = LatencySummary(nanoseconds: latencies)
        var text = "\(plan.methodName): \(plan.concurrency) callers on \(plan.connections) connection(s), "
            + "\(format2(measured.secondsValue)) s measured after \(format2(plan.warmup.secondsValue)) s warm-up: "
            + "\(latencies.count) calls, \(Int(callsPerSecond.rounded())) calls/s"
        if let summary {
            text += ", p50 \(summary.p50.millisecondsText) ms, p99 \(summary.p99.millisecondsText) ms"
                + ", max \(summary.max.millisecondsText) ms"
        }
        text += ", client CPU \(format2(clientCPU.secondsValue / measured.secondsValue)) cores"
        if let firstError {
            text += "\nFAILED: \(errorCount) caller(s) got an error; the first: \(firstError)"
        }
        return text
    }
}

/// Two decimals, without Foundation's locale-dependent formatting.
func format2(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = String(abs(hundredths) % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" : "")\(fraction)"
}
