/// A generated protobuf enum (open: unknown numbers are kept as `unrecognized`).
public protocol ProtoEnum: Sendable, Hashable {
    /// The first declared value (proto3: the value numbered 0).
    init()
    /// Never fails: numbers without a case become `.unrecognized(number)`.
    init(rawValue: Int32)
    var rawValue: Int32 { get }
    /// The value's name as written in the .proto file (`"STATUS_OPEN"`), nil for
    /// unrecognized numbers. Used by the JSON mapping.
    var protoName: String? { get }
    /// Looks up a value by its .proto name (aliases included).
    init?(protoName: String)
}
