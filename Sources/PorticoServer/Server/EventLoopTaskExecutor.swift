import NIOCore
import NIOPosix

/// Runs tasks on the event loops that do the server's I/O.
///
/// Without a preference, handler code runs on Swift's global concurrent pool while
/// HTTP/2 and PostgreSQL I/O runs on NIO's event loops, so every await on a read or
/// a write crosses threads twice (a wake-up, a context switch and a cache miss each
/// way). With this executor preferred, a job stays on the event loop that enqueues
/// it: a response written after a database answer is on the same thread.
///
/// Nothing that blocks may run under it: password hashing goes to `NIOThreadPool`.
final class EventLoopTaskExecutor: TaskExecutor {
    private let group: MultiThreadedEventLoopGroup

    init(group: MultiThreadedEventLoopGroup) {
        self.group = group
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // `any()` is the calling thread's own loop when it is one of the group's.
        group.any().execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
