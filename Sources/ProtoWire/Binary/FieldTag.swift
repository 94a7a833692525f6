/// A decoded field key: field number and wire type.
///
/// Only valid tags can be constructed by the reader: field number in 1...2^29-1 and a
/// wire type in 0...5.
public struct FieldTag: Sendable, Hashable {
    /// The raw key as it appears on the wire: `fieldNumber << 3 | wireType`.
    public let rawValue: UInt32

    @inlinable
    public init(fieldNumber: Int, wireType: WireType) {
        rawValue = UInt32(truncatingIfNeeded: fieldNumber) << 3 | UInt32(wireType.rawValue)
    }

    @inlinable
    init(uncheckedRawValue: UInt32) {
        rawValue = uncheckedRawValue
    }

    @inlinable
    public var fieldNumber: Int { Int(rawValue >> 3) }

    @inlinable
    public var wireType: WireType {
        // The reader only builds tags whose low bits are 0...5.
        WireType(rawValue: UInt8(truncatingIfNeeded: rawValue & 7)) ?? .varint
    }

    /// The largest legal field number (2^29 - 1).
    public static let maxFieldNumber = 536_870_911

    /// Encoded size of the key for `fieldNumber`; constant-folds in generated code.
    @inlinable
    public static func size(fieldNumber: Int) -> Int {
        Varint.size(of: UInt64(UInt32(truncatingIfNeeded: fieldNumber) << 3))
    }
}
