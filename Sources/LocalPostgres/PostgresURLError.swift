/// A database URL that cannot be used. The message names what is wrong but never quotes
/// the URL or any part of it, so it is safe to log even when the URL holds a password.
public struct PostgresURLError: Error, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case unsupportedScheme
        case missingUsername
        case invalidHost
        case invalidPort
        case invalidPercentEncoding
        case unsupportedParameter
        case invalidTLSMode
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "invalid database URL: \(message)" }
}
