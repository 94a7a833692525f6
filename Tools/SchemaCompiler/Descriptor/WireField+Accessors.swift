// Typed reads of a decoded field, throwing when the wire type does not fit.

extension WireField {
    func bytes() throws(WireDecodingError) -> [UInt8] {
        guard case .lengthDelimited(let bytes) = value else { throw mismatch("length-delimited") }
        return bytes
    }

    func string() throws(WireDecodingError) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    func int64() throws(WireDecodingError) -> Int64 {
        guard case .varint(let raw) = value else { throw mismatch("varint") }
        return Int64(bitPattern: raw)
    }

    /// An `int32` truncates the varint to its low 32 bits, as protobuf parsers do.
    func int32() throws(WireDecodingError) -> Int32 {
        Int32(truncatingIfNeeded: try int64())
    }

    /// One value, or a packed run of values (parsers must accept both).
    func int32s() throws(WireDecodingError) -> [Int32] {
        if case .lengthDelimited(let packed) = value {
            var reader = WireReader(packed)
            var result: [Int32] = []
            while !reader.isAtEnd {
                result.append(Int32(truncatingIfNeeded: try reader.readVarint()))
            }
            return result
        }
        return [try int32()]
    }

    func enumValue<E: RawRepresentable>(_: E.Type) throws(WireDecodingError) -> E
    where E.RawValue == Int32 {
        let raw = try int32()
        guard let result = E(rawValue: raw) else {
            throw WireDecodingError(offset: 0, reason: "field \(number): unknown enum value \(raw)")
        }
        return result
    }

    private func mismatch(_ expected: String) -> WireDecodingError {
        WireDecodingError(offset: 0, reason: "field \(number) is not \(expected)")
    }
}
