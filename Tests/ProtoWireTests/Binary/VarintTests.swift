import ProtoWire
import Testing

/// Varints through the `uint64` field `u64` (tag 0x20) and `int32` field `i32` (0x08).
@Suite struct VarintTests {
    @Test(arguments: [
        (UInt64(0), "2000"),
        (1, "2001"),
        (127, "207f"),
        (128, "208001"),
        (300, "20ac02"),
        (16_383, "20ff7f"),
        (16_384, "20808001"),
        (UInt64(UInt32.max), "20ffffffff0f"),
        (UInt64(1) << 63 - 1, "20ffffffffffffffff7f"),
        (UInt64.max, "20ffffffffffffffffff01"),
    ])
    func boundaryValuesRoundTrip(value: UInt64, expected: String) throws {
        var sample = Portico_Example_V1_Sample()
        sample.u64 = value
        // 0 is the default and is not written, so compare the payload through a map entry-free path.
        let bytes = sample.serializedBytes()
        #expect(hexString(bytes) == (value == 0 ? "" : expected))
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex(expected))
        #expect(decoded.u64 == value)
    }

    @Test func negativeInt32TakesTenBytes() throws {
        var sample = Portico_Example_V1_Sample()
        sample.i32 = -2
        #expect(hexString(sample.serializedBytes()) == "08feffffffffffffffff01")
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex("08feffffffffffffffff01")).i32 == -2)
    }

    @Test func int32TakesTheLow32BitsOfALargeVarint() throws {
        // 2^32 + 5 as a varint: int32 decoding truncates like protoc.
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex("088580808010")).i32 == 5)
    }

    @Test func elevenByteVarintIsMalformed() {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("20ffffffffffffffffffff01")) == .malformedVarint)
    }

    @Test(arguments: ["20", "2080", "20ffffffffffffffffff"])
    func truncatedVarint(_ input: String) {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex(input)) == .truncated)
    }

    @Test func tagsAboveOneByte() throws {
        // Field 30 (`inner`) has a two-byte tag: 0xf2 0x01.
        var sample = Portico_Example_V1_Sample()
        sample.inner.x = 1
        #expect(hexString(sample.serializedBytes()) == "f201020801")
    }
}

@Suite struct ZigZagTests {
    @Test(arguments: [
        (Int32(0), "2800"), (-1, "2801"), (1, "2802"), (-2, "2803"),
        (Int32.max, "28feffffff0f"), (Int32.min, "28ffffffff0f"),
    ])
    func sint32(value: Int32, expected: String) throws {
        var sample = Portico_Example_V1_Sample()
        sample.s32 = value
        #expect(hexString(sample.serializedBytes()) == (value == 0 ? "" : expected))
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex(expected)).s32 == value)
    }

    @Test(arguments: [
        (Int64(-1), "3001"), (1, "3002"),
        (Int64.max, "30feffffffffffffffff01"), (Int64.min, "30ffffffffffffffffff01"),
    ])
    func sint64(value: Int64, expected: String) throws {
        var sample = Portico_Example_V1_Sample()
        sample.s64 = value
        #expect(hexString(sample.serializedBytes()) == expected)
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex(expected)).s64 == value)
    }
}
