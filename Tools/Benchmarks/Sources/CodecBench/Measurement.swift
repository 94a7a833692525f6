/// Times one operation: a warm-up, then several samples of many iterations each; the
/// result is the median sample, which shrugs off the noise of a shared machine.
struct Measurement {
    var warmUp: Duration
    var sampleDuration: Duration
    var samples: Int

    /// Nanoseconds per call of `body`, the median over `samples`.
    func nanosecondsPerCall(_ body: () -> Int) -> Double {
        var sink = 0
        let iterations = calibrate(body, sink: &sink)
        var perCall: [Double] = []
        for _ in 0..<samples {
            let elapsed = Self.time(iterations: iterations, body, sink: &sink)
            perCall.append(Self.nanoseconds(elapsed) / Double(iterations))
        }
        blackHole(sink)
        perCall.sort()
        return perCall[perCall.count / 2]
    }

    /// Runs `body` for the warm-up time and returns how many calls fill one sample.
    private func calibrate(_ body: () -> Int, sink: inout Int) -> Int {
        var iterations = 1
        var spent = Duration.zero
        var calls = 0
        while spent < warmUp {
            spent += Self.time(iterations: iterations, body, sink: &sink)
            calls += iterations
            iterations *= 2
        }
        let perCall = Self.nanoseconds(spent) / Double(calls)
        return max(1, Int(Self.nanoseconds(sampleDuration) / perCall))
    }

    @inline(never)
    private static func time(iterations: Int, _ body: () -> Int, sink: inout Int) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations {
            sink &+= body()
        }
        return clock.now - start
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

/// Keeps a value alive in the optimizer's eyes.
@inline(never)
func blackHole(_ value: Int) {
    if value == Int.min { print("") }
}
