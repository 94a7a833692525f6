import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import LoadStatistics
import PorticoAPI
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// WatchWorkOrders fan-out: many live subscribers on one server instance, then a series
/// of changes, each timed from the moment its RPC is sent until the event reaches every
/// subscriber.
///
/// It signs in `subscribers + 1` times as one login (one session per subscriber, and one
/// for the changes), opens the streams over several HTTP/2 connections, waits until
/// every stream has its first event (RELIST: the subscription is live), then makes the
/// changes one after another: AddComment on an OPEN work order and UpdateStatus ACTIVE →
/// ON_HOLD on an ACTIVE one, alternately, each on a work order of its own. The next
/// change is sent once every subscriber has the previous one (or the timeout passed).
/// Sending and arrival are read from one clock in this process.
///
/// With `--server-pid`, it reads the server's resident memory (VmRSS in
/// /proc/PID/status) before the subscribers, with them, and after they have closed.
///
/// Closing: the subscribers cancel their streams (RST_STREAM). The server's handler
/// does not watch `context.cancellation`, so it learns of the cancellation only when it
/// next writes to the stream: one more change ("flush", AddComment on another OPEN work
/// order) is made after the cancellation, and the memory is read before it and
/// `--settle` seconds after it.
struct WatchFanOut: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Time WatchWorkOrders deliveries to many subscribers.",
        discussion: """
            The login's password is read from PORTICO_PASSWORD; the login must be an \
            ADMIN of one tenant with OPEN and ACTIVE work orders. Prints a summary on \
            standard error and one key=value result line on standard output.
            """
    )

    @OptionGroup var server: ServerAddress

    @Option(help: "The login (a tenant ADMIN) every subscriber signs in as.")
    var email: String

    @Option(help: "Concurrent WatchWorkOrders streams.")
    var subscribers = 1000

    @Option(help: """
        HTTP/2 connections the streams share (default: one per 50 streams; the server \
        allows 100 concurrent streams per connection).
        """)
    var connections: Int?

    @Option(help: "Changes made while everyone watches (AddComment and UpdateStatus, alternately).")
    var changes = 20

    @Option(help: "Seconds to wait for every subscriber's RELIST, and for each change to reach everyone.")
    var timeout = 60.0

    @Option(help: "Seconds between one change reaching everyone and the next change.")
    var pause = 0.2

    @Option(help: "Seconds to wait after the subscribers cancel, and after the flush change, before reading the server's memory.")
    var settle = 3.0

    @Option(help: "The server's process id, to read its resident memory from /proc.")
    var serverPid: Int32?

    @Option(help: "Sign-ins in flight at once (at most 4: the server locks an email after 5 open attempts).")
    var loginConcurrency = 4

    func validate() throws {
        guard subscribers >= 1, changes >= 1 else { throw ValidationError("subscribers and changes must be at least 1") }
        guard (connections ?? 1) >= 1 else { throw ValidationError("connections must be at least 1") }
        guard (1...4).contains(loginConcurrency) else { throw ValidationError("login-concurrency must be from 1 to 4") }
        guard timeout > 0, pause >= 0, settle >= 0 else { throw ValidationError("timeout must be positive") }
    }

    func run() async throws {
        guard let password = ProcessInfo.processInfo.environment["PORTICO_PASSWORD"], !password.isEmpty else {
            throw ValidationError("set PORTICO_PASSWORD to the login's password")
        }
        let connectionCount = min(connections ?? (subscribers + 49) / 50, subscribers)
        let memory = ServerMemory(pid: serverPid)
        let control = GRPCClient(transport: try server.makeTransport())
        let streamClients = try (0..<connectionCount).map { _ in GRPCClient(transport: try server.makeTransport()) }

        let outcome = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await control.runConnections() }
            defer {
                control.beginGracefulShutdown()
                for client in streamClients { client.beginGracefulShutdown() }
            }
            var outcome = WatchOutcome(subscribers: subscribers, connections: connectionCount)
            outcome.rssStart = memory.read()

            let clock = ContinuousClock()
            let loginStart = clock.now
            let tokens = try await SignIn.tokens(
                subscribers + 1, email: email, password: password, concurrency: loginConcurrency, on: control
            )
            outcome.loginSeconds = (clock.now - loginStart).secondsValue
            let changer = BearerToken(value: tokens[subscribers])
            let plan = try await ChangePlan.make(changes, on: Portico_V1_WorkOrders.Client(wrapping: control), as: changer)
            outcome.rssBefore = memory.read()

            for client in streamClients {
                group.addTask { try await client.runConnections() }
            }
            let book = DeliveryBook()
            let subscribeStart = clock.now
            let watching = Task {
                await withDiscardingTaskGroup { streams in
                    for index in 0..<subscribers {
                        let workOrders = Portico_V1_WorkOrders.Client(wrapping: streamClients[index % connectionCount])
                        let metadata = BearerToken(value: tokens[index]).metadata
                        streams.addTask {
                            do {
                                try await workOrders.watchWorkOrders(Portico_V1_WatchWorkOrdersRequest(), metadata: metadata) {
                                    for try await event in $0.messages {
                                        book.record(event, from: index, at: ContinuousClock.now)
                                    }
                                }
                                book.ended(index, error: nil)
                            } catch {
                                book.ended(index, error: error)
                            }
                        }
                    }
                }
            }
            defer { watching.cancel() }

            try await book.wait(for: "every subscriber's RELIST", timeout: timeout) { state in
                state.relisted.count >= subscribers
            }
            outcome.subscribeSeconds = (clock.now - subscribeStart).secondsValue
            outcome.rssSubscribed = memory.read()

            for change in plan.changes {
                book.expect(change.key)
                let sent = clock.now
                try await change.make(Portico_V1_WorkOrders.Client(wrapping: control), changer)
                let answered = clock.now
                do {
                    try await book.wait(for: "\(change.description) to reach every subscriber", timeout: timeout) {
                        ($0.arrivals[change.key]?.count ?? 0) >= subscribers
                    }
                } catch let error as LoadError {
                    FileHandle.standardError.write(Data("warning: \(error.description)\n".utf8))
                }
                outcome.add(ChangeTiming(sent: sent, answered: answered, arrivals: book.arrivals(of: change.key)))
                try await Task.sleep(for: .milliseconds(Int64(pause * 1000)))
            }
            outcome.rssAfterChanges = memory.read()
            outcome.unexpectedEvents = book.snapshot.unexpected
            outcome.extraRelists = book.snapshot.extraRelists

            book.close()
            watching.cancel()
            await watching.value
            try await Task.sleep(for: .milliseconds(Int64(settle * 1000)))
            outcome.rssCancelled = memory.read()
            // The server writes this change's event to each cancelled stream, and so
            // finds out they are gone.
            try await plan.flush.make(Portico_V1_WorkOrders.Client(wrapping: control), changer)
            try await Task.sleep(for: .milliseconds(Int64(settle * 1000)))
            outcome.rssAfter = memory.read()
            outcome.peak = memory.peak()
            return outcome
        }
        FileHandle.standardError.write(Data((outcome.summary + "\n").utf8))
        print(outcome.resultLine)
    }
}

/// The changes to make, each on a work order of its own, so that every event names the
/// change it belongs to.
struct ChangePlan {
    struct Change: Sendable {
        var description: String
        /// The work order's id and the event kind its subscribers get.
        var key: String
        var make: @Sendable (Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix>, BearerToken) async throws -> Void
    }

    var changes: [Change]
    /// One more change, made after the subscribers have cancelled.
    var flush: Change

    /// AddComment on the newest OPEN work orders and UpdateStatus ACTIVE → ON_HOLD on
    /// the newest ACTIVE ones, alternately; the flush comments on the next OPEN one.
    static func make(
        _ count: Int, on workOrders: Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix>, as token: BearerToken
    ) async throws -> ChangePlan {
        let open = try await newest((count + 1) / 2 + 1, status: .open, on: workOrders, as: token)
        let active = try await newest(count / 2, status: .active, on: workOrders, as: token)
        var changes: [Change] = []
        for index in 0..<count {
            if index % 2 == 0 {
                changes.append(comment(on: open[index / 2]))
            } else {
                let target = active[index / 2]
                changes.append(Change(
                    description: "UpdateStatus ON_HOLD on \(target.number)", key: DeliveryBook.key(target.id, .status)
                ) { workOrders, token in
                    var request = Portico_V1_UpdateStatusRequest()
                    request.workOrderId = target.id
                    request.status = .onHold
                    request.note = "Benchmark: waiting for parts."
                    let response = try await workOrders.updateStatus(request, metadata: token.metadata)
                    guard response.workOrder.status == .onHold else {
                        throw LoadError("UpdateStatus answered status \(response.workOrder.status.databaseName)")
                    }
                })
            }
        }
        return ChangePlan(changes: changes, flush: comment(on: open[open.count - 1]))
    }

    private static func comment(on target: Portico_V1_WorkOrder) -> Change {
        Change(description: "AddComment on \(target.number)", key: DeliveryBook.key(target.id, .comment)) {
            workOrders, token in
            var request = Portico_V1_AddCommentRequest()
            request.workOrderId = target.id
            request.body = "Benchmark comment: on our way."
            _ = try await workOrders.addComment(request, metadata: token.metadata)
        }
    }

    private static func newest(
        _ count: Int, status: Portico_V1_WorkOrderStatus,
        on workOrders: Portico_V1_WorkOrders.Client<HTTP2ClientTransport.Posix>, as token: BearerToken
    ) async throws -> [Portico_V1_WorkOrder] {
        guard count > 0 else { return [] }
        var request = Portico_V1_ListWorkOrdersRequest()
        request.statuses = [status]
        request.page.pageSize = Int32(count)
        let rows = try await workOrders.listWorkOrders(request, metadata: token.metadata).workOrders
        guard rows.count == count else {
            throw LoadError("the tenant has \(rows.count) \(status.databaseName) work orders; the changes need \(count)")
        }
        return rows
    }
}

/// Every subscriber's events as they arrive, under one lock.
final class DeliveryBook: Sendable {
    struct State {
        /// Subscribers whose first event (RELIST) has arrived.
        var relisted: Set<Int> = []
        /// RELISTs after a stream's first: the server says it may have missed changes.
        var extraRelists = 0
        /// Arrival instants of each expected change's event.
        var arrivals: [String: [ContinuousClock.Instant]] = [:]
        /// Events of no expected change.
        var unexpected = 0
        /// Streams that ended (or failed) before the end of the run.
        var failures: [Int: String] = [:]
        var closing = false
    }

    private let state = Mutex(State())

    static func key(_ workOrderID: String, _ kind: Portico_V1_WorkOrderEvent.Kind) -> String {
        "\(workOrderID)/\(kind)"
    }

    var snapshot: State { state.withLock { $0 } }

    func expect(_ key: String) {
        state.withLock { $0.arrivals[key] = [] }
    }

    func arrivals(of key: String) -> [ContinuousClock.Instant] {
        state.withLock { $0.arrivals[key] ?? [] }
    }

    func record(_ event: Portico_V1_WorkOrderEvent, from subscriber: Int, at instant: ContinuousClock.Instant) {
        let key = Self.key(event.workOrderId, event.kind)
        state.withLock { state in
            if event.kind == .relist {
                if !state.relisted.insert(subscriber).inserted { state.extraRelists += 1 }
            } else if state.arrivals[key] != nil {
                state.arrivals[key]?.append(instant)
            } else {
                state.unexpected += 1
            }
        }
    }

    func ended(_ subscriber: Int, error: (any Error)?) {
        state.withLock { state in
            if !state.closing {
                state.failures[subscriber] = error.map { String(describing: $0) } ?? "the stream ended"
            }
        }
    }

    /// From now on streams end because the run cancels them.
    func close() {
        state.withLock { $0.closing = true }
    }

    /// Polls (every millisecond) until `done` holds; fails as soon as a stream has
    /// failed, or after `timeout` seconds.
    func wait(for what: String, timeout: Double, until done: (State) -> Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while true {
            let (finished, failure, relisted) = state.withLock { state in
                (done(state), state.failures.first, state.relisted.count)
            }
            if finished { return }
            if let failure {
                throw LoadError("subscriber \(failure.key) failed while waiting for \(what): \(failure.value)")
            }
            if ContinuousClock.now >= deadline {
                throw LoadError("timed out after \(timeout) s waiting for \(what) (\(relisted) streams live)")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// One change and when its event reached each subscriber.
struct ChangeTiming {
    var sent: ContinuousClock.Instant
    var answered: ContinuousClock.Instant
    var arrivals: [ContinuousClock.Instant]
}

/// What a watch run measured.
struct WatchOutcome {
    var subscribers: Int
    var connections: Int
    var loginSeconds = 0.0
    var subscribeSeconds = 0.0
    var timings: [ChangeTiming] = []
    var unexpectedEvents = 0
    var extraRelists = 0
    var rssStart: Int?
    var rssBefore: Int?
    var rssSubscribed: Int?
    var rssAfterChanges: Int?
    var rssCancelled: Int?
    var rssAfter: Int?
    var peak: Int?

    mutating func add(_ timing: ChangeTiming) {
        timings.append(timing)
    }

    /// Every delivery's latency from its change's sending.
    var deliveries: [UInt64] {
        timings.flatMap { timing in timing.arrivals.map { $0 >= timing.sent ? ($0 - timing.sent).nanoseconds : 0 } }
    }

    /// Each change's latency until its last subscriber had it (complete changes only).
    var lastDeliveries: [UInt64] {
        timings.filter { $0.arrivals.count >= subscribers }.compactMap { timing in
            timing.arrivals.max().map { ($0 - timing.sent).nanoseconds }
        }
    }

    var rpcLatencies: [UInt64] {
        timings.map { ($0.answered - $0.sent).nanoseconds }
    }

    /// Every delivery's time after its change's RPC answered, in signed nanoseconds:
    /// negative when the event arrived first (NOTIFY goes out at COMMIT, before the
    /// answer is written).
    var afterAnswer: [Int64] {
        timings.flatMap { timing in
            timing.arrivals.map { arrival in
                arrival >= timing.answered
                    ? Int64((arrival - timing.answered).nanoseconds) : -Int64((timing.answered - arrival).nanoseconds)
            }
        }
    }

    var missing: Int {
        timings.reduce(0) { $0 + max(0, subscribers - $1.arrivals.count) }
    }

    var resultLine: ResultLine {
        let all = LatencySummary(nanoseconds: deliveries)
        let last = LatencySummary(nanoseconds: lastDeliveries)
        let rpc = LatencySummary(nanoseconds: rpcLatencies)
        var line = ResultLine()
        line.append("subscribers", String(subscribers))
        line.append("connections", String(connections))
        line.append("changes", String(timings.count))
        line.append("deliveries", String(deliveries.count))
        line.append("missing", String(missing))
        line.append("unexpected", String(unexpectedEvents))
        line.append("extra_relists", String(extraRelists))
        line.append("p50_ms", all?.p50.millisecondsText ?? "-")
        line.append("p99_ms", all?.p99.millisecondsText ?? "-")
        line.append("max_ms", all?.max.millisecondsText ?? "-")
        line.append("last_p50_ms", last?.p50.millisecondsText ?? "-")
        line.append("last_p99_ms", last?.p99.millisecondsText ?? "-")
        line.append("rpc_p50_ms", rpc?.p50.millisecondsText ?? "-")
        line.append("rpc_p99_ms", rpc?.p99.millisecondsText ?? "-")
        line.append("after_answer_p50_ms", signedMilliseconds(percentile(50, of: afterAnswer)))
        line.append("after_answer_p99_ms", signedMilliseconds(percentile(99, of: afterAnswer)))
        line.append("login_seconds", format2(loginSeconds))
        line.append("subscribe_seconds", format2(subscribeSeconds))
        line.append("rss_start_kb", rssStart.map(String.init) ?? "-")
        line.append("rss_before_kb", rssBefore.map(String.init) ?? "-")
        line.append("rss_subscribed_kb", rssSubscribed.map(String.init) ?? "-")
        line.append("rss_after_changes_kb", rssAfterChanges.map(String.init) ?? "-")
        line.append("rss_cancelled_kb", rssCancelled.map(String.init) ?? "-")
        line.append("rss_after_kb", rssAfter.map(String.init) ?? "-")
        line.append("hwm_kb", peak.map(String.init) ?? "-")
        return line
    }

    var summary: String {
        let all = LatencySummary(nanoseconds: deliveries)
        var text = "WorkOrders/WatchWorkOrders: \(subscribers) subscribers on \(connections) connection(s), "
            + "signed in in \(format2(loginSeconds)) s, all live (RELIST) \(format2(subscribeSeconds)) s after opening; "
            + "\(timings.count) changes, \(deliveries.count) deliveries (\(missing) missing)"
        if let all {
            text += ", from sending: p50 \(all.p50.millisecondsText) ms, p99 \(all.p99.millisecondsText) ms, "
                + "max \(all.max.millisecondsText) ms"
        }
        if let before = rssBefore, let with = rssSubscribed, let after = rssAfter {
            text += "; server RSS \(before / 1024) MiB before, \(with / 1024) MiB with the subscribers, "
                + "\(after / 1024) MiB after they closed"
        }
        return text
    }
}

/// Nearest-rank percentile of signed samples (nil when there are none).
func percentile(_ percent: Int, of samples: [Int64]) -> Int64? {
    guard !samples.isEmpty else { return nil }
    let sorted = samples.sorted()
    return sorted[(sorted.count * percent + 99) / 100 - 1]
}

func signedMilliseconds(_ nanoseconds: Int64?) -> String {
    guard let nanoseconds else { return "-" }
    let text = UInt64(nanoseconds.magnitude).millisecondsText
    return nanoseconds < 0 ? "-" + text : text
}

/// The server's resident memory, from /proc/PID/status (kB); nil without a pid or
/// when the process is gone.
struct ServerMemory: Sendable {
    var pid: Int32?

    /// VmRSS: resident now.
    func read() -> Int? { field("VmRSS") }

    /// VmHWM: the most it was ever resident.
    func peak() -> Int? { field("VmHWM") }

    private func field(_ name: String) -> Int? {
        guard let pid, let text = Self.contents(of: "/proc/\(pid)/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("\(name):") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// A /proc file's text. Read with read(2) until the end: /proc files report a size
    /// of 0, which Foundation's whole-file readers trust.
    private static func contents(of path: String) -> String? {
        #if canImport(Glibc)
        let descriptor = Glibc.open(path, O_RDONLY)
        #else
        let descriptor = Darwin.open(path, O_RDONLY)
        #endif
        guard descriptor >= 0 else { return nil }
        defer {
            #if canImport(Glibc)
            _ = Glibc.close(descriptor)
            #else
            _ = Darwin.close(descriptor)
            #endif
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.read(descriptor, raw.baseAddress, raw.count)
                #else
                Darwin.read(descriptor, raw.baseAddress, raw.count)
                #endif
            }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
