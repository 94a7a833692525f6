/// Why a message could not be read from or written to proto3 JSON.
public struct ProtoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Not RFC 8259 JSON (bad token, trailing comma, unescaped control character…).
        case malformedJSON
        /// An object key that names no field (and `ignoreUnknownFields` is off).
        case unknownField
        /// The same field twice in one object (json_name and proto name count as one).
        case duplicateField
        /// Two members of one oneof in one object.
        case oneofConflict
        /// A JSON value of the wrong type or out of range for the field.
        case invalidValue
        /// An enum name the enum does not declare.
        case unknownEnumValue
        /// A map key that does not parse as the map's key type.
        case invalidMapKey
        /// Objects and arrays nest deeper than the recursion limit.
        case recursionLimitExceeded
        /// An `Any` whose type URL is not in the type registry.
        case unknownTypeURL
        /// A value with no JSON form (out-of-range Timestamp, bad FieldMask path…).
        case unencodableValue
    }

    public let code: Code
    /// What went wrong, for people.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Errors compare by code only, so tests and callers can match on the kind.
    public static func == (lhs: ProtoJSONError, rhs: ProtoJSONError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    @usableFromInline
    static func malformed(_ message: String, at offset: Int) -> ProtoJSONError {
        ProtoJSONError(.malformedJSON, "\(message) at offset \(offset)")
    }

    @usableFromInline
    static func invalid(_ message: String) -> ProtoJSONError {
        ProtoJSONError(.invalidValue, message)
    }
}
