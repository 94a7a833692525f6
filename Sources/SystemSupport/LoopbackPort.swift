#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP port that was free on 127.0.0.1 a moment ago: the kernel's choice for port 0,
/// for a program that must be told its port before it starts (a PostgreSQL cluster,
/// a server under a benchmark). Another process may take it in between; callers that
/// can retry on a clash should.
public enum LoopbackPort {
    /// A system call failed; `reason` is its `strerror`.
    public struct Failure: Error, CustomStringConvertible {
        public let call: String
        public let reason: String

        public var description: String { "\(call) failed: \(reason)" }
    }

    public static func free() throws(Failure) -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw failure("socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw failure("bind to 127.0.0.1:0") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func failure(_ call: String) -> Failure {
        Failure(call: call, reason: String(cString: strerror(errno)))
    }
}
