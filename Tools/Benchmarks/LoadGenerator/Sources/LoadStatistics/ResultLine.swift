/// One machine-readable result line: `key=value` pairs separated by spaces, in the
/// order given, so a shell script can pick fields with `sed` or `awk`.
public struct ResultLine: Sendable, Equatable, CustomStringConvertible {
    public private(set) var fields: [(key: String, value: String)] = []

    public init() {}

    public mutating func append(_ key: String, _ value: String) {
        precondition(!key.contains(" ") && !key.contains("=") && !value.contains(" "))
        fields.append((key, value))
    }

    public var description: String {
        fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    public static func == (lhs: ResultLine, rhs: ResultLine) -> Bool {
        lhs.description == rhs.description
    }
}
