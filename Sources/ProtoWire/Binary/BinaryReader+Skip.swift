extension BinaryReader {
    /// Skips the payload of the field whose tag was just read.
    @inlinable
    public mutating func skipField(_ tag: FieldTag) throws(ProtoDecodingError) {
        switch tag.wireType {
        case .varint: _ = try readVarint()
        case .fixed64: try skipBytes(8)
        case .fixed32: try skipBytes(4)
        case .lengthDelimited: try skipBytes(try readLength())
        case .startGroup: try skipGroup(fieldNumber: tag.fieldNumber)
        case .endGroup: throw .invalidWireType
        }
    }

    @inlinable
    mutating func skipBytes(_ count: Int) throws(ProtoDecodingError) {
        guard end &- position >= count else { throw .truncated }
        position &+= count
    }

    /// Skips a group up to the end-group tag with the same field number.
    ///
    /// Iterative, so hostile nesting cannot overflow the stack; nested groups count
    /// against the recursion limit like nested messages.
    @usableFromInline
    mutating func skipGroup(fieldNumber: Int) throws(ProtoDecodingError) {
        let start = position
        var openGroups = [fieldNumber]
        while let expected = openGroups.last {
            guard openGroups.count + depth <= options.recursionLimit else {
                position = start
                throw .recursionLimitExceeded
            }
            guard position < end else {
                position = start
                throw .truncated
            }
            do throws(ProtoDecodingError) {
                let raw = try readVarint()
                guard raw <= UInt64(UInt32.max), raw >> 3 != 0 else { throw .invalidFieldNumber }
                let number = Int(raw >> 3)
                switch raw & 7 {
                case 0: _ = try readVarint()
                case 1: try skipBytes(8)
                case 2: try skipBytes(try readLength())
                case 3: openGroups.append(number)
                case 4:
                    guard number == expected else { throw .invalidWireType }
                    openGroups.removeLast()
                case 5: try skipBytes(4)
                default: throw .invalidWireType
                }
            } catch {
                position = start
                throw error
            }
        }
    }
}
