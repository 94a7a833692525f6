/// Times one operation of several libraries: a warm-up each, then several rounds in
/// which every library runs one sample of many iterations in turn. The result per
/// library is its median sample. Interleaving spreads the noise of a shared machine over
/// all libraries alike, so their ratios hold even when the absolute numbers wobble.
struct Measurement {
    var warmUp: Duration
    var sampleDuration: Duration
    var samples: Int

    /// Nanoseconds per call of each body, the median over `samples` rounds.
    func nanosecondsPerCall(_ bodies: [() -> Int]) -> [Double] {
        var sink = 0
        let iterations = bodies.map { calibrate($0, sink: &sink) }
        var perCall = Array(repeating: [Double](), count: bodies.count)
        for _ in 0..<samples {
            for (index, body) in bodies.enumerated() {
                let elapsed = Self.time(iterations: iterations[index], body, sink: &sink)
                perCall[index].append(Self.nanoseconds(elapsed) / Double(iterations[index]))
            }
        }
        blackHole(sink)
        return perCall.map { $0.sorted()[$0.count / 2] }
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
