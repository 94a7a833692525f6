/// One problem found in a schema, always with the place it was found.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public enum Severity: Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var message: String
    public var severity: Severity

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: message`, with `warning: ` before warnings' text.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Collects every diagnostic of a compilation so all of them are reported in one run.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, at: location, message))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, at: location, message))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Errors and warnings sorted by place, duplicates removed.
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}
