/// Command-line options of `CodecBench` (all optional).
struct Options {
    var listCount = 1_000
    var samples = 9
    var warmUpMilliseconds = 300
    var sampleMilliseconds = 150
    /// Where to write the canonical encodings, for `protoc --decode` in Tools/scripts/bench.
    var dumpDirectory: String?

    static let usage = """
        usage: CodecBench [--count N] [--samples N] [--warmup-ms N] [--sample-ms N] [--quick] [--dump DIR]
        """

    init(arguments: [String]) throws(BenchmarkError) {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            switch flag {
            case "--quick":
                (samples, warmUpMilliseconds, sampleMilliseconds) = (3, 50, 30)
            case "--dump":
                dumpDirectory = try Self.value(after: flag, in: &remaining)
            case "--count":
                listCount = try Self.number(after: flag, in: &remaining)
            case "--samples":
                samples = try Self.number(after: flag, in: &remaining)
            case "--warmup-ms":
                warmUpMilliseconds = try Self.number(after: flag, in: &remaining)
            case "--sample-ms":
                sampleMilliseconds = try Self.number(after: flag, in: &remaining)
            default:
                throw BenchmarkError("unknown option \(flag)\n\(Self.usage)")
            }
        }
    }

    var measurement: Measurement {
        Measurement(warmUp: .milliseconds(warmUpMilliseconds),
                    sampleDuration: .milliseconds(sampleMilliseconds), samples: samples)
    }

    private static func value(after flag: String, in remaining: inout ArraySlice<String>) throws(BenchmarkError) -> String {
        guard let value = remaining.popFirst() else { throw BenchmarkError("\(flag) needs a value") }
        return value
    }

    private static func number(after flag: String, in remaining: inout ArraySlice<String>) throws(BenchmarkError) -> Int {
        let text = try value(after: flag, in: &remaining)
        guard let number = Int(text), number > 0 else { throw BenchmarkError("\(flag) needs a positive number, got \(text)") }
        return number
    }
}
