/// The protobuf wire types the compiler itself writes and reads.
///
/// The compiler stays free of the runtime (`ProtoWire`), so descriptors and option
/// values are encoded with this small writer instead.
enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}

/// Appends protobuf wire-format values to a byte buffer.
struct WireWriter: Sendable {
    private(set) var bytes: [UInt8] = []

    init() {}

    mutating func writeVarint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    mutating func writeTag(_ number: Int32, _ wireType: WireType) {
        writeVarint(UInt64(UInt32(bitPattern: number) << 3 | UInt32(wireType.rawValue)))
    }

    mutating func writeFixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func writeFixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    mutating func writeRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    // MARK: Fields

    /// An `int32`/`int64`/`enum` field: negative values are sign-extended to 10 bytes,
    /// as protobuf requires.
    mutating func writeInt(_ number: Int32, _ value: Int64) {
        writeTag(number, .varint)
        writeVarint(UInt64(bitPattern: value))
    }

    mutating func writeBool(_ number: Int32, _ value: Bool) {
        writeTag(number, .varint)
        writeVarint(value ? 1 : 0)
    }

    mutating func writeBytes(_ number: Int32, _ value: [UInt8]) {
        writeTag(number, .lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeString(_ number: Int32, _ value: String) {
        writeBytes(number, Array(value.utf8))
    }

    /// A length-delimited sub-message whose body `build` writes.
    mutating func writeMessage(_ number: Int32, _ build: (inout WireWriter) -> Void) {
        var nested = WireWriter()
        build(&nested)
        writeBytes(number, nested.bytes)
    }
}

extension WireWriter {
    /// Writes a field exactly as it was read (or built), groups included.
    mutating func write(_ field: WireField) {
        switch field.value {
        case .varint(let value):
            writeTag(field.number, .varint)
            writeVarint(value)
        case .fixed64(let value):
            writeTag(field.number, .fixed64)
            writeFixed64(value)
        case .fixed32(let value):
            writeTag(field.number, .fixed32)
            writeFixed32(value)
        case .lengthDelimited(let value):
            writeBytes(field.number, value)
        case .group(let fields):
            writeTag(field.number, .startGroup)
            for inner in fields { write(inner) }
            writeTag(field.number, .endGroup)
        }
    }

    /// The wire bytes of `fields`, in the given order.
    static func encode(_ fields: [WireField]) -> [UInt8] {
        var writer = WireWriter()
        for field in fields { writer.write(field) }
        return writer.bytes
    }
}
