/// A malformed protobuf message: where reading stopped and why.
public struct WireDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public var description: String { "malformed protobuf at byte \(offset): \(reason)" }
}

/// One field as read from the wire, kept generic so unknown fields survive.
struct WireField: Sendable, Hashable {
    var number: Int32
    var value: WireValue
}

/// A field's payload by wire type; groups hold their own fields.
indirect enum WireValue: Sendable, Hashable {
    case varint(UInt64)
    case fixed64(UInt64)
    case lengthDelimited([UInt8])
    case group([WireField])
    case fixed32(UInt32)
}

/// Reads protobuf wire-format fields from a byte array, front to back.
///
/// Every read either returns a complete value or throws; a short or malformed input
/// never yields a partial field.
struct WireReader: Sendable {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int
    /// Groups nest on the wire; this bounds the recursion on hostile input.
    private static let maximumGroupDepth = 100

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
    }

    var isAtEnd: Bool { offset >= end }

    /// Reads every remaining field.
    static func fields(of bytes: [UInt8]) throws(WireDecodingError) -> [WireField] {
        var reader = WireReader(bytes)
        var fields: [WireField] = []
        while let field = try reader.nextField() {
            fields.append(field)
        }
        return fields
    }

    /// The next field, or nil at the end of input.
    mutating func nextField() throws(WireDecodingError) -> WireField? {
        try nextField(depth: 0)
    }

    private mutating func nextField(depth: Int) throws(WireDecodingError) -> WireField? {
        guard !isAtEnd else { return nil }
        let start = offset
        let (number, wireType) = try readTag()
        switch wireType {
        case .varint: return WireField(number: number, value: .varint(try readVarint()))
        case .fixed64: return WireField(number: number, value: .fixed64(try readFixed64()))
        case .fixed32: return WireField(number: number, value: .fixed32(try readFixed32()))
        case .lengthDelimited:
            return WireField(number: number, value: .lengthDelimited(try readLengthDelimited()))
        case .startGroup:
            return WireField(number: number, value: .group(try readGroup(number, depth: depth)))
        case .endGroup:
            throw WireDecodingError(offset: start, reason: "unexpected end-group tag")
        }
    }

    private mutating func readGroup(
        _ number: Int32, depth: Int
    ) throws(WireDecodingError) -> [WireField] {
        guard depth < Self.maximumGroupDepth else {
            throw WireDecodingError(offset: offset, reason: "groups nested too deeply")
        }
        var fields: [WireField] = []
        while true {
            guard !isAtEnd else {
                throw WireDecodingError(offset: offset, reason: "unterminated group \(number)")
            }
            let save = offset
            let (innerNumber, wireType) = try readTag()
            if wireType == .endGroup {
                guard innerNumber == number else {
                    throw WireDecodingError(offset: save, reason: "mismatched end-group tag")
                }
                return fields
            }
            offset = save
            if let field = try nextField(depth: depth + 1) {
                fields.append(field)
            }
        }
    }

    private mutating func readTag() throws(WireDecodingError) -> (Int32, WireType) {
        let start = offset
        let key = try readVarint()
        guard let wireType = WireType(rawValue: UInt8(key & 7)) else {
            throw WireDecodingError(offset: start, reason: "invalid wire type \(key & 7)")
        }
        let number = key >> 3
        guard number >= 1, number <= 0x1FFF_FFFF else {
            throw WireDecodingError(offset: start, reason: "invalid field number \(number)")
        }
        return (Int32(number), wireType)
    }

    mutating func readVarint() throws(WireDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var position = offset
        for shift in stride(from: UInt64(0), to: 70, by: 7) {
            guard position < end else {
                throw WireDecodingError(offset: offset, reason: "truncated varint")
            }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                offset = position
                return result
            }
        }
        throw WireDecodingError(offset: offset, reason: "varint longer than 10 bytes")
    }

    private mutating func readFixed32() throws(WireDecodingError) -> UInt32 {
        let raw = try readBytes(count: 4)
        return raw.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    private mutating func readFixed64() throws(WireDecodingError) -> UInt64 {
        let raw = try readBytes(count: 8)
        return raw.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    private mutating func readLengthDelimited() throws(WireDecodingError) -> [UInt8] {
        let start = offset
        let length = try readVarint()
        guard length <= UInt64(end - offset) else {
            offset = start
            throw WireDecodingError(offset: start, reason: "length \(length) exceeds input")
        }
        return try readBytes(count: Int(length))
    }

    private mutating func readBytes(count: Int) throws(WireDecodingError) -> [UInt8] {
        guard count <= end - offset else {
            throw WireDecodingError(offset: offset, reason: "truncated field")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }
}
