/// Bounds how many in-process test servers run at once.
///
/// Swift Testing starts every test at the same time. On a 2-core machine dozens of
/// servers (each with a pool, a health monitor, a mail worker and scrypt hashing)
/// would starve each other until connection leases time out, so tests failed for
/// want of CPU rather than for a bug. A test waits for a slot before its server
/// starts, so its timings begin only once it runs. A task that already holds a slot
/// (a test running two servers, or a server inside another's body) does not take a
/// second one, so nesting cannot deadlock.
actor TestServerSlots {
    static let shared = TestServerSlots(capacity: 4)

    @TaskLocal static var isHolding = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        free = capacity
    }

    /// Runs `body` holding a slot.
    nonisolated func withSlot<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        if Self.isHolding { return try await body() }
        await acquire()
        do {
            let result = try await Self.$isHolding.withValue(true) { try await body() }
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot straight to the longest waiter, if any.
    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
