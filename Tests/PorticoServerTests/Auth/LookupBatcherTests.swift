@testable import PorticoServer
import Synchronization
import Testing

/// The coalescing itself, with a lookup the test controls: which keys each batch
/// held, what its callers got, and what a failing or cancelled batch does.
@Suite struct LookupBatcherTests {
    @Test func aLoneCallerIsLookedUpAlone() async throws {
        let lookups = RecordedLookups()
        let batcher = LookupBatcher<Int, Int>(maximumBatchSize: 8) { keys in
            lookups.record(keys)
            return keys.map { $0 * 10 }
        }
        #expect(try await batcher.value(for: 1) == 10)
        #expect(try await batcher.value(for: 2) == 20)
        #expect(lookups.batches == [[1], [2]])
    }

    @Test func callersArrivingDuringABatchShareTheNextOne() async throws {
        let gate = Gate()
        let lookups = RecordedLookups()
        let batcher = LookupBatcher<Int, Int>(maximumBatchSize: 4) { keys in
            lookups.record(keys)
            if keys == [0] { await gate.wait() }
            return keys.map { $0 * 10 }
        }
        let values = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            group.addTask { (0, try await batcher.value(for: 0)) }
            try await waitUntil { lookups.started == 1 }
            for key in 1...6 {
                group.addTask { (key, try await batcher.value(for: key)) }
            }
            try await waitUntil { batcher.waitingCount == 6 }
            gate.open()
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(values == [0: 0, 1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 60])
        // The first batch alone, then the six waiting callers in batches of at most four.
        #expect(lookups.batches.map(\.count) == [1, 4, 2])
        #expect(lookups.batches.flatMap { $0 }.sorted() == Array(0...6))
    }

    @Test func aFailedBatchFailsItsCallersAndThoseWaitingAndIsNotRemembered() async throws {
        let gate = Gate()
        let lookups = RecordedLookups()
        let failing = Mutex(true)
        let batcher = LookupBatcher<Int, Int>(maximumBatchSize: 8) { keys in
            lookups.record(keys)
            await gate.wait()
            if failing.withLock({ $0 }) { throw LookupFailure() }
            return keys
        }
        let leader = Task { try await batcher.value(for: 1) }
        try await waitUntil { lookups.started == 1 }
        let waiting = (2...4).map { key in Task { try await batcher.value(for: key) } }
        try await waitUntil { batcher.waitingCount == 3 }
        gate.open()
        await #expect(throws: LookupFailure.self) { try await leader.value }
        for caller in waiting {
            await #expect(throws: LookupFailure.self) { try await caller.value }
        }
        #expect(lookups.batches == [[1]])
        failing.withLock { $0 = false }
        #expect(try await batcher.value(for: 7) == 7)
        #expect(lookups.batches == [[1], [7]])
    }

    @Test func aCancelledLeaderPutsItsFollowersBackInLine() async throws {
        let first = Gate()
        let second = Gate()
        let lookups = RecordedLookups()
        let batcher = LookupBatcher<Int, Int>(maximumBatchSize: 8) { keys in
            lookups.record(keys)
            if keys == [99] { await first.wait() }
            if keys.first == 0 {
                await second.wait()
                try Task.checkCancellation()
            }
            return keys.map { $0 * 10 }
        }
        let inFlight = Task { try await batcher.value(for: 99) }
        try await waitUntil { lookups.started == 1 }
        // 0 waits first, so it leads the next batch, which takes 1, 2 and 3 along.
        let leader = Task { try await batcher.value(for: 0) }
        try await waitUntil { batcher.waitingCount == 1 }
        let followers = (1...3).map { key in Task { try await batcher.value(for: key) } }
        try await waitUntil { batcher.waitingCount == 4 }
        first.open()
        #expect(try await inFlight.value == 990)
        try await waitUntil { lookups.started == 2 }
        leader.cancel()
        second.open()
        await #expect(throws: CancellationError.self) { try await leader.value }
        for (index, follower) in followers.enumerated() {
            #expect(try await follower.value == (index + 1) * 10)
        }
        #expect(lookups.batches.count == 3)
        #expect(lookups.batches[1].first == 0 && lookups.batches[1].dropFirst().sorted() == [1, 2, 3])
        #expect(lookups.batches[2] == Array(lookups.batches[1].dropFirst()))
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition did not hold within 10 s")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

private struct LookupFailure: Error {}

/// The keys of every batch, in the order the lookups started.
private final class RecordedLookups: Sendable {
    private let recorded = Mutex<[[Int]]>([])

    func record(_ keys: [Int]) { recorded.withLock { $0.append(keys) } }
    var batches: [[Int]] { recorded.withLock { $0 } }
    var started: Int { recorded.withLock { $0.count } }
}

/// Holds lookups until the test opens it.
private final class Gate: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
