import ArgumentParser
import Foundation
import GRPCCore
import PorticoAPI

/// WorkOrders/SubmitRequest from many concurrent callers for a fixed time, as a client
/// user (OWNER or MEMBER) at their company's locations: each call inserts a REQUESTED
/// work order with the tenant's next number and its history entry. Reports calls/s and
/// exact p50/p99, like `load`.
struct SubmitRequests: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit-requests",
        abstract: "Drive SubmitRequest at a fixed concurrency for a fixed time.",
        discussion: """
            The bearer token (a client OWNER's or MEMBER's session) is read from \
            PORTICO_TOKEN. Prints a summary on standard error and one key=value result \
            line on standard output.
            """
    )

    @OptionGroup var server: ServerAddress

    @Option(help: "The locations to submit at, comma-separated ids (each call picks one at random).")
    var locationIds: String

    @Option(help: "Concurrent callers, each with one call in flight at a time.")
    var concurrency = 16

    @Option(help: "HTTP/2 connections the callers share (default: the smaller of concurrency and 4).")
    var connections: Int?

    @Option(help: "Measured seconds.")
    var duration = 20.0

    @Option(help: "Seconds of calls before measuring.")
    var warmup = 2.0

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("concurrency must be at least 1") }
        guard (connections ?? 1) >= 1 else { throw ValidationError("connections must be at least 1") }
        guard duration > 0, warmup >= 0 else { throw ValidationError("duration must be positive, warmup not negative") }
        guard !locations.isEmpty else { throw ValidationError("name at least one location id") }
    }

    var locations: [String] {
        locationIds.split(separator: ",").map(String.init)
    }

    func run() async throws {
        let token = try BearerToken.fromEnvironment()
        let plan = LoadPlan(
            methodName: "WorkOrders/SubmitRequest",
            concurrency: concurrency,
            connections: min(connections ?? min(concurrency, 4), concurrency),
            warmup: .milliseconds(Int64(warmup * 1000)),
            duration: .milliseconds(Int64(duration * 1000))
        )
        let locations = self.locations
        let result = try await LoadRun(plan: plan, server: server) { client in
            let workOrders = Portico_V1_WorkOrders.Client(wrapping: client)
            return {
                var request = Portico_V1_SubmitRequestRequest()
                request.locationId = locations.randomElement()!
                request.workOrder.title = "Dripping tap in the staff kitchen"
                request.workOrder.description_ = "Submitted by the work-order benchmark."
                request.workOrder.trade = .plumbing
                request.workOrder.priority = .normal
                let response = try await workOrders.submitRequest(request, metadata: token.metadata)
                guard response.workOrder.status == .requested else {
                    throw LoadError("SubmitRequest answered a work order in status \(response.workOrder.status.databaseName)")
                }
            }
        }.run()
        FileHandle.standardError.write(Data((result.summary(of: plan) + "\n").utf8))
        print(result.resultLine)
        if result.errorCount > 0 { throw ExitCode.failure }
    }
}
