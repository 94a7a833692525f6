/// How one protobuf field type maps to a Swift value, on the wire and in JSON.
///
/// Kinds are caseless enums used only as type parameters (`ProtoInt32.self`,
/// `ProtoMessageKind<Money>.self`), so every generic helper specializes to straight-line
/// code for the concrete field type: no existentials, no per-field allocation.
public protocol ProtoFieldKind {
    associatedtype Value: Sendable & Hashable

    /// The wire type of one unpacked value.
    static var wireType: WireType { get }
    /// The proto3 default (zero, empty, first enum value, empty message).
    static var defaultValue: Value { get }
    /// True when a proto3 field without presence is omitted: the bit pattern is the
    /// default (so `-0.0` is written, as protoc does).
    static func isDefault(_ value: Value) -> Bool

    /// Encoded size of the value without its tag; length-delimited kinds include their
    /// length prefix, and messages reserve their `SizeCache` slot here.
    static func payloadSize(of value: Value, sizes: inout SizeCache) -> Int
    /// Writes the value without its tag; mirrors `payloadSize`.
    static func writePayload(_ value: Value, to writer: inout BinaryWriter)
    /// Reads one value (the tag was already read and checked).
    static func readPayload(from reader: inout BinaryReader) throws(ProtoDecodingError) -> Value
    /// Reads one value into an existing one: replaces scalars, merges messages.
    static func mergePayload(
        into value: inout Value, from reader: inout BinaryReader
    ) throws(ProtoDecodingError)

    /// True when `payloadSize` records sizes in the `SizeCache` (messages): then the
    /// size pass must visit values in exactly the order the encode pass writes them.
    static var usesSizeCache: Bool { get }

    /// True when JSON `null` is a value of this kind (`google.protobuf.Value`,
    /// `NullValue`) rather than "unset".
    static var jsonNullIsValue: Bool { get }

    /// Writes the JSON form of the value (no key).
    static func writeJSON(_ value: Value, to writer: inout JSONWriter) throws(ProtoJSONError)
    /// Reads the JSON form of the value; `null` has been handled by the caller.
    static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Value
}

extension ProtoFieldKind {
    @inlinable
    public static var usesSizeCache: Bool { false }

    @inlinable
    public static var jsonNullIsValue: Bool { false }

    @inlinable
    public static func mergePayload(
        into value: inout Value, from reader: inout BinaryReader
    ) throws(ProtoDecodingError) {
        value = try readPayload(from: &reader)
    }
}

/// Numeric and enum kinds: repeated fields of these are packed.
public protocol ProtoPackableKind: ProtoFieldKind {}

/// Kinds allowed as map keys: integers, bool and string.
public protocol ProtoMapKeyKind: ProtoFieldKind {
    /// Deterministic order of map entries on the wire and in JSON.
    static func sortsBefore(_ lhs: Value, _ rhs: Value) -> Bool
    /// The JSON object key for a map key.
    static func jsonMapKey(_ value: Value) -> String
    /// Parses a JSON object key back into a map key.
    static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Value
}

extension ProtoMapKeyKind where Value: Comparable {
    @inlinable
    public static func sortsBefore(_ lhs: Value, _ rhs: Value) -> Bool { lhs < rhs }
}

/// The ten integer kinds: they differ only in how they meet the wire and whether JSON
/// quotes them, so zero, JSON parsing and map keys are shared here.
public protocol ProtoIntegerKind: ProtoPackableKind, ProtoMapKeyKind
where Value: FixedWidthInteger {}

extension ProtoIntegerKind {
    @inlinable public static var defaultValue: Value { 0 }

    @inlinable public static func isDefault(_ value: Value) -> Bool { value == 0 }

    /// Accepts a JSON number or a decimal string, for every width (proto3 JSON).
    @inlinable
    public static func readJSON(from reader: inout JSONReader) throws(ProtoJSONError) -> Value {
        try reader.readInteger(Value.self)
    }

    public static func jsonMapKey(_ value: Value) -> String { String(value) }

    public static func parseJSONMapKey(_ key: String) throws(ProtoJSONError) -> Value {
        try JSONReader.parseIntegerKey(key, as: Value.self)
    }
}
