/// The result of interpreting one declaration's options: the encoded `*Options`
/// message plus the standard option values other stages act on.
public struct InterpretedOptions: Sendable, Hashable {
    /// The serialized options message; nil when protoc writes no options message.
    public var encoded: [UInt8]?
    /// Standard (non-extension) options set directly, by field name.
    var standardValues: [String: WireValue]

    public init(encoded: [UInt8]? = nil) {
        self.encoded = encoded
        self.standardValues = [:]
    }

    init(encoded: [UInt8]?, standardValues: [String: WireValue]) {
        self.encoded = encoded
        self.standardValues = standardValues
    }

    /// A standard bool option such as `packed`, `allow_alias`, `map_entry`,
    /// `deprecated`; nil when it was not set.
    public func bool(_ standardFieldName: String) -> Bool? {
        integer(standardFieldName).map { $0 != 0 }
    }

    /// A standard integer or enum option (the enum's number), e.g. `optimize_for`
    /// (`LITE_RUNTIME` is 3) or `jstype`; nil when it was not set.
    public func integer(_ standardFieldName: String) -> Int64? {
        guard case .varint(let raw) = standardValues[standardFieldName] else { return nil }
        return Int64(bitPattern: raw)
    }

    /// A standard string option such as `java_package` or `swift_prefix`.
    public func string(_ standardFieldName: String) -> String? {
        guard case .lengthDelimited(let bytes) = standardValues[standardFieldName] else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
