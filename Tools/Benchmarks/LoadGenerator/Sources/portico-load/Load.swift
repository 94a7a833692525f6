import ArgumentParser
import Foundation
import LoadStatistics

/// Calls one unary method (`Auth/WhoAmI` by default) from many concurrent callers for
/// a fixed time and reports calls/s and exact p50/p99. Any failed call fails the run.
///
/// The callers share a few HTTP/2 connections, each carrying several streams: that is
/// how gRPC clients talk to a server, and more than one connection lets the server
/// spread its HTTP/2 work over all its event loops (each connection lives on one).
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Drive a unary method at a fixed concurrency for a fixed time.",
        discussion: """
            The bearer token for whoami is read from PORTICO_TOKEN. Prints a summary on \
            standard error and one key=value result line on standard output.
            """
    )

    @OptionGroup var server: ServerAddress

    @Option(help: "The method: whoami (Auth/WhoAmI, one session lookup) or health (Health/Check, no database).")
    var rpc = LoadedRPC.whoami

    @Option(help: "Concurrent callers, each with one call in flight at a time.")
    var concurrency = 16

    @Option(help: "HTTP/2 connections the callers share (default: the smaller of concurrency and 4).")
    var connections: Int?

    @Option(help: "Measured seconds.")
    var duration = 20.0

    @Option(help: "Seconds of calls before measuring (connections, caches, prepared statements).")
    var warmup = 2.0

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("concurrency must be at least 1") }
        guard (connections ?? 1) >= 1 else { throw ValidationError("connections must be at least 1") }
        guard duration > 0, warmup >= 0 else { throw ValidationError("duration must be positive, warmup not negative") }
    }

    func run() async throws {
        let token = ProcessInfo.processInfo.environment["PORTICO_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let plan = LoadPlan(
            methodName: rpc.methodName,
            concurrency: concurrency,
            connections: min(connections ?? min(concurrency, 4), concurrency),
            warmup: .milliseconds(Int64(warmup * 1000)),
            duration: .milliseconds(Int64(duration * 1000))
        )
        let rpc = self.rpc
        let result = try await LoadRun(plan: plan, server: server) { try rpc.makeCall(on: $0, token: token) }.run()
        FileHandle.standardError.write(Data((result.summary(of: plan) + "\n").utf8))
        print(result.resultLine)
        if result.errorCount > 0 { throw ExitCode.failure }
    }
}
