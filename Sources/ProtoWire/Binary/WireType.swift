/// The three-bit wire type stored in the low bits of every field tag.
public enum WireType: UInt8, Sendable, Hashable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}
