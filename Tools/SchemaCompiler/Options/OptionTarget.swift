/// The kind of declaration an options block belongs to; each has its own options
/// message in `descriptor.proto`.
public enum OptionTarget: Sendable, Hashable, CaseIterable {
    case file
    case message
    case field
    case oneof
    case enumType
    case enumValue
    case service
    case method
    case extensionRange

    /// The options message's fully qualified name, with the leading dot.
    public var optionsMessageName: String {
        switch self {
        case .file: ".google.protobuf.FileOptions"
        case .message: ".google.protobuf.MessageOptions"
        case .field: ".google.protobuf.FieldOptions"
        case .oneof: ".google.protobuf.OneofOptions"
        case .enumType: ".google.protobuf.EnumOptions"
        case .enumValue: ".google.protobuf.EnumValueOptions"
        case .service: ".google.protobuf.ServiceOptions"
        case .method: ".google.protobuf.MethodOptions"
        case .extensionRange: ".google.protobuf.ExtensionRangeOptions"
        }
    }
}
