/// Why binary protobuf input was rejected.
///
/// Errors compare by `code` and `fieldNumber`; `message` is for people.
public struct ProtoDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of malformation.
    public enum Code: Sendable, Hashable {
        /// The input ended inside a field, or a length prefix points past the end.
        case truncated
        /// A varint longer than 10 bytes.
        case malformedVarint
        /// Field number 0 or above 2^29 - 1.
        case invalidFieldNumber
        /// Wire type 6 or 7, or an end-group tag without a matching start.
        case invalidWireType
        /// A known field arrived with a wire type its declared type cannot use.
        case wrongWireType
        /// A `string` field holds bytes that are not UTF-8.
        case invalidUTF8
        /// Messages or groups nest deeper than `BinaryDecodingOptions.recursionLimit`.
        case recursionLimitExceeded
    }

    public let code: Code
    /// The field being decoded when the error was found, when known.
    public let fieldNumber: Int?

    @inlinable
    public init(_ code: Code, fieldNumber: Int? = nil) {
        self.code = code
        self.fieldNumber = fieldNumber
    }

    public static let truncated = ProtoDecodingError(.truncated)
    public static let malformedVarint = ProtoDecodingError(.malformedVarint)
    public static let invalidFieldNumber = ProtoDecodingError(.invalidFieldNumber)
    public static let invalidWireType = ProtoDecodingError(.invalidWireType)
    public static let invalidUTF8 = ProtoDecodingError(.invalidUTF8)
    public static let recursionLimitExceeded = ProtoDecodingError(.recursionLimitExceeded)

    public static func wrongWireType(fieldNumber: Int) -> ProtoDecodingError {
        ProtoDecodingError(.wrongWireType, fieldNumber: fieldNumber)
    }

    public var message: String {
        switch code {
        case .truncated: "input ends inside a field or a length prefix exceeds the input"
        case .malformedVarint: "varint longer than 10 bytes"
        case .invalidFieldNumber: "field number outside 1...536870911"
        case .invalidWireType: "invalid wire type or unmatched end-group tag"
        case .wrongWireType: "wire type does not match the field's declared type"
        case .invalidUTF8: "string field is not valid UTF-8"
        case .recursionLimitExceeded: "messages nest deeper than the recursion limit"
        }
    }

    public var description: String {
        if let fieldNumber { return "\(message) (field \(fieldNumber))" }
        return message
    }
}
