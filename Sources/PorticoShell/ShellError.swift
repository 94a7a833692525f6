public import GRPCCore

/// A failed command, shown as `ERROR <STATUS_NAME>: message`. Local failures (bad
/// JSON, an unknown method) use the gRPC status name the server would have used, so a
/// script sees one shape of error whichever side caught it.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A gRPC status name such as `INVALID_ARGUMENT`.
    public var status: String
    public var message: String

    public init(status: String, message: String) {
        self.status = status
        self.message = message
    }

    public static func invalidArgument(_ message: String) -> ShellError {
        ShellError(status: "INVALID_ARGUMENT", message: message)
    }

    /// A server's (or the transport's) error, by its status name; the message is the
    /// server's own, which never carries secrets.
    public init(_ error: RPCError) {
        self.init(status: Self.statusName(error.code), message: error.message)
    }

    public var description: String { "ERROR \(status): \(message)" }

    /// The canonical upper-case name of a status code (`PERMISSION_DENIED`).
    public static func statusName(_ code: RPCError.Code) -> String {
        statusNames.first { $0.0 == code }?.1 ?? "UNKNOWN"
    }

    private static let statusNames: [(RPCError.Code, String)] = [
        (.cancelled, "CANCELLED"), (.unknown, "UNKNOWN"), (.invalidArgument, "INVALID_ARGUMENT"),
        (.deadlineExceeded, "DEADLINE_EXCEEDED"), (.notFound, "NOT_FOUND"), (.alreadyExists, "ALREADY_EXISTS"),
        (.permissionDenied, "PERMISSION_DENIED"), (.resourceExhausted, "RESOURCE_EXHAUSTED"),
        (.failedPrecondition, "FAILED_PRECONDITION"), (.aborted, "ABORTED"), (.outOfRange, "OUT_OF_RANGE"),
        (.unimplemented, "UNIMPLEMENTED"), (.internalError, "INTERNAL"), (.unavailable, "UNAVAILABLE"),
        (.dataLoss, "DATA_LOSS"), (.unauthenticated, "UNAUTHENTICATED"),
    ]
}
