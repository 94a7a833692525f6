import Foundation

do {
    let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    try BenchmarkRun(options: options).run()
} catch {
    FileHandle.standardError.write(Data("CodecBench: \(error)\n".utf8))
    exit(1)
}
