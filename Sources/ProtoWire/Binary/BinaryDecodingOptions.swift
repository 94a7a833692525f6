/// Limits and switches for binary decoding.
public struct BinaryDecodingOptions: Sendable, Hashable {
    /// How deep messages (and unknown groups) may nest below the top-level message.
    public var recursionLimit: Int = 100
    /// Drop fields the schema does not know instead of keeping them in `unknownFields`.
    public var discardUnknownFields: Bool = false

    public init(recursionLimit: Int = 100, discardUnknownFields: Bool = false) {
        self.recursionLimit = recursionLimit
        self.discardUnknownFields = discardUnknownFields
    }
}
