import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import LoadStatistics
import PorticoAPI

/// Times one page of WorkOrders/ListWorkOrders, called again and again by a single
/// caller: the latency a user paging through the list sees, without queueing behind
/// other calls. The first page, or the page after a given work-order number (the
/// keyset token the server would hand out for it), filtered by status.
///
/// Every answer is checked: a full page (unless the list ends), only the asked-for
/// statuses, numbers descending and below the token's. The run lasts `duration`
/// seconds but makes at least `min-calls` calls, so a page that takes seconds still
/// gets a few samples.
struct ListPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-work-orders",
        abstract: "Time ListWorkOrders pages, one call at a time.",
        discussion: """
            The bearer token is read from PORTICO_TOKEN. Prints a summary on standard \
            error and one key=value result line on standard output.
            """
    )

    @OptionGroup var server: ServerAddress

    @Option(help: "Statuses to list, comma-separated as the database spells them (OPEN,ACTIVE); empty: every status.")
    var statuses = "OPEN"

    @Option(help: "Page size (0: the server's default, 50).")
    var pageSize = 50

    @Option(help: "Start after this work-order number (the last row of the previous page); 0: the first page.")
    var after: Int64 = 0

    @Option(help: "Measured seconds (at least; see --min-calls).")
    var duration = 10.0

    @Option(help: "Measured calls at least, however long they take.")
    var minCalls = 5

    @Option(help: "Calls before measuring (connection, caches, the planner's statistics).")
    var warmupCalls = 3

    func validate() throws {
        guard duration > 0, minCalls >= 1, warmupCalls >= 0 else {
            throw ValidationError("duration must be positive, min-calls at least 1, warmup-calls not negative")
        }
        guard (0...500).contains(pageSize) else { throw ValidationError("page-size must be from 0 to 500") }
        guard after >= 0 else { throw ValidationError("after must not be negative") }
        _ = try parsedStatuses()
    }

    func parsedStatuses() throws -> [Portico_V1_WorkOrderStatus] {
        try statuses.split(separator: ",").map { name in
            guard let status = Portico_V1_WorkOrderStatus.allCases.first(where: { $0.databaseName == name }) else {
                throw ValidationError("unknown status \(name)")
            }
            return status
        }
    }

    func run() async throws {
        let token = try BearerToken.fromEnvironment()
        var request = Portico_V1_ListWorkOrdersRequest()
        request.statuses = try parsedStatuses()
        request.page.pageSize = Int32(pageSize)
        if after > 0 { request.page.pageToken = PageTokenText.after(number: after) }
        let check = PageCheck(statuses: Set(request.statuses), pageSize: pageSize == 0 ? 50 : pageSize, after: after)

        let result = try await withGRPCClient(transport: try server.makeTransport()) { client in
            let workOrders = Portico_V1_WorkOrders.Client(wrapping: client)
            try await Self.checkTokenEncoding(request, workOrders: workOrders, token: token)
            for _ in 0..<warmupCalls {
                try check.verify(try await workOrders.listWorkOrders(request, metadata: token.metadata))
            }
            var latencies: [UInt64] = []
            let clock = ContinuousClock()
            let start = clock.now
            let cpuBefore = ProcessCPU.now()
            while latencies.count < minCalls || clock.now - start < .milliseconds(Int64(duration * 1000)) {
                let begin = clock.now
                let response = try await workOrders.listWorkOrders(request, metadata: token.metadata)
                latencies.append((clock.now - begin).nanoseconds)
                try check.verify(response)
            }
            return (latencies, clock.now - start, ProcessCPU.now() - cpuBefore)
        }
        let (latencies, measured, cpu) = result
        guard let summary = LatencySummary(nanoseconds: latencies) else { throw LoadError("no calls were made") }
        let rate = Double(latencies.count) / measured.secondsValue
        var line = ResultLine()
        line.append("calls", String(latencies.count))
        line.append("seconds", format2(measured.secondsValue))
        line.append("calls_per_second", format2(rate))
        line.append("p50_ms", summary.p50.millisecondsText)
        line.append("p99_ms", summary.p99.millisecondsText)
        line.append("max_ms", summary.max.millisecondsText)
        line.append("client_cpu_seconds", format2(cpu.secondsValue))
        FileHandle.standardError.write(Data((
            "WorkOrders/ListWorkOrders statuses=[\(statuses)] after=\(after == 0 ? "-" : "WO-\(after)"): "
                + "\(latencies.count) calls in \(format2(measured.secondsValue)) s, p50 \(summary.p50.millisecondsText) ms, "
                + "p99 \(summary.p99.millisecondsText) ms, max \(summary.max.millisecondsText) ms\n"
        ).utf8))
        print(line)
    }

    /// The deep page's token is built here, so first make sure it is built the way the
    /// server builds them: the first page's `next_page_token` must equal the token
    /// made from that page's last number.
    static func checkTokenEncoding(
        _ request: Portico_V1_ListWorkOrdersRequest, workOrders: Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix>,
        token: BearerToken
    ) async throws {
        var first = request
        first.page.pageToken = ""
        let response = try await workOrders.listWorkOrders(first, metadata: token.metadata)
        guard !response.page.nextPageToken.isEmpty, let last = response.workOrders.last,
            let number = WorkOrderNumber.value(last.number)
        else { return }
        guard PageTokenText.after(number: number) == response.page.nextPageToken else {
            throw LoadError(
                "the server's page token for \(last.number) is '\(response.page.nextPageToken)', not "
                    + "'\(PageTokenText.after(number: number))': update PageTokenText to the server's encoding"
            )
        }
    }
}

/// What every ListWorkOrders answer of a run must look like.
struct PageCheck: Sendable {
    var statuses: Set<Portico_V1_WorkOrderStatus>
    var pageSize: Int
    var after: Int64

    func verify(_ response: Portico_V1_ListWorkOrdersResponse) throws {
        let rows = response.workOrders
        if rows.count != pageSize, !response.page.nextPageToken.isEmpty || rows.count > pageSize {
            throw LoadError("ListWorkOrders answered \(rows.count) work orders for a page of \(pageSize)")
        }
        var previous = after > 0 ? after : .max
        for row in rows {
            guard let number = WorkOrderNumber.value(row.number), number < previous else {
                throw LoadError("ListWorkOrders answered \(row.number) out of order (after WO-\(previous))")
            }
            if !statuses.isEmpty, !statuses.contains(row.status) {
                throw LoadError("ListWorkOrders answered \(row.number) in status \(row.status.databaseName)")
            }
            previous = number
        }
    }
}

/// ListWorkOrders' keyset token: the page's last number, as the server encodes
/// `PageToken` (a JSON array of the sort keys, base64url without padding).
enum PageTokenText {
    static func after(number: Int64) -> String {
        Data("[\"\(number)\"]".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// "WO-1042" ⇄ 1042.
enum WorkOrderNumber {
    static func value(_ text: String) -> Int64? {
        text.hasPrefix("WO-") ? Int64(text.dropFirst(3)) : nil
    }
}

/// The session token a command calls with, from PORTICO_TOKEN.
struct BearerToken: Sendable {
    var value: String

    static func fromEnvironment() throws -> BearerToken {
        guard let value = ProcessInfo.processInfo.environment["PORTICO_TOKEN"], !value.isEmpty else {
            throw ValidationError("set PORTICO_TOKEN to a session token (portico-load login prints one)")
        }
        return BearerToken(value: value)
    }

    var metadata: Metadata { ["authorization": "Bearer \(value)"] }
}

extension Portico_V1_WorkOrderStatus {
    /// The status as the database (and the benchmark's options) spell it: "ON_HOLD".
    var databaseName: String {
        switch self {
        case .requested: "REQUESTED"
        case .open: "OPEN"
        case .active: "ACTIVE"
        case .onHold: "ON_HOLD"
        case .pendingAuthorization: "PENDING_AUTHORIZATION"
        case .completed: "COMPLETED"
        case .closed: "CLOSED"
        case .cancelled: "CANCELLED"
        case .unspecified: "UNSPECIFIED"
        case .unrecognized(let number): "UNKNOWN(\(number))"
        }
    }
}
