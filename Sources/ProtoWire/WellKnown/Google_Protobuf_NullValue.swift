// Hand-written in the shape schemac generates for google/protobuf/struct.proto.

/// The JSON `null` as an enum: its only value is `NULL_VALUE`.
public enum Google_Protobuf_NullValue: ProtoEnum, CaseIterable {
    /// Null value.
    case nullValue
    case unrecognized(Int32)

    public init() { self = .nullValue }

    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .nullValue
        default: self = .unrecognized(rawValue)
        }
    }

    public var rawValue: Int32 {
        switch self {
        case .nullValue: 0
        case .unrecognized(let number): number
        }
    }

    public var protoName: String? {
        switch self {
        case .nullValue: "NULL_VALUE"
        case .unrecognized: nil
        }
    }

    public init?(protoName: String) {
        switch protoName {
        case "NULL_VALUE": self = .nullValue
        default: return nil
        }
    }

    public static let allCases: [Google_Protobuf_NullValue] = [.nullValue]
}
