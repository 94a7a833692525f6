import ProtoWire
import Testing

@Suite struct BinaryReaderTests {
    @Test func readsNeverHalfConsume() throws {
        try hex("ac02").withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
            var reader = BinaryReader(bytes: UnsafeRawBufferPointer(rebasing: raw[0..<1]))
            #expect(throws: ProtoDecodingError.truncated) { try reader.readVarint() }
            #expect(reader.remaining == 1)
            var whole = BinaryReader(bytes: raw)
            #expect(try whole.readVarint() == 300)
            #expect(whole.isAtEnd)
        }
    }

    @Test func hugeLengthPrefixIsTruncatedWithoutAllocating() {
        // Field 15 (bytes) claiming 2^31 bytes, then 3 bytes of data: must fail fast.
        let input = hex("7a 80808080 08 010203")
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, input) == .truncated)
        // Same for a 2^63 prefix, which does not even fit in Int32.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("7a80808080808080808001")) == .truncated)
    }

    @Test func lengthPastTheEndOfANestedMessageIsTruncated() {
        // address { line1: <5 bytes claimed, 1 present> } inside a 3-byte address.
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("8a01030a0561")) == .truncated)
    }

    @Test func deepNestingHitsTheRecursionLimit() {
        // 10,000 nested `parent` fields of Node, built inside out.
        var bytes: [UInt8] = []
        for _ in 0..<10_000 {
            var prefix: [UInt8] = [0x12]
            var length = bytes.count
            repeat {
                prefix.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
                length >>= 7
            } while length > 0
            bytes = prefix + bytes
        }
        #expect(decodingErrorCode(Portico_Example_V1_Node.self, bytes) == .recursionLimitExceeded)
    }

    @Test func recursionLimitIsConfigurable() throws {
        // Three levels below the top: parent { parent { parent {} } }.
        let input = hex("1204 1202 1200")
        #expect(decodingErrorCode(Portico_Example_V1_Node.self, input, options: .init(recursionLimit: 2))
            == .recursionLimitExceeded)
        let decoded = try Portico_Example_V1_Node(serializedBytes: input, options: .init(recursionLimit: 3))
        #expect(decoded.parent.parent.hasParent)
        #expect(!decoded.parent.parent.parent.hasParent)
    }

    @Test func scalarsLastOneWins() throws {
        #expect(try Portico_Example_V1_Sample(serializedBytes: hex("0801 0802")).i32 == 2)
    }

    @Test func singularMessageSeenTwiceMerges() throws {
        // address { line1: "a" } then address { city: "b" }.
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("8a01030a0161 8a0103120162"))
        #expect(decoded.address.line1 == "a")
        #expect(decoded.address.city == "b")
    }

    @Test func oneofMessageSeenTwiceMergesButAnotherMemberReplaces() throws {
        let merged = try Portico_Example_V1_Sample(serializedBytes: hex("ca01030a0161 ca0103120162"))
        #expect(merged.where.line1 == "a" && merged.where.city == "b")
        let replaced = try Portico_Example_V1_Sample(serializedBytes: hex("ca01030a0161 c2010178"))
        #expect(replaced.choice == .name("x"))
    }

    @Test func mapEntryForAnExistingKeyReplacesTheValue() throws {
        // by_id { key: 1 value { line1: "a" } } then by_id { key: 1 value { city: "b" } }.
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("b2010708011203 0a0161 b2010708011203 120162"))
        #expect(decoded.byId[1]?.line1 == "")
        #expect(decoded.byId[1]?.city == "b")
    }

    @Test func mapEntryWithMissingKeyOrValueUsesDefaults() throws {
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("aa0100 aa0102 1005"))
        #expect(decoded.counts == ["": 5])
    }

    @Test func repeatedScalarsAcceptPackedAndUnpacked() throws {
        // numbers (packed by default) sent unpacked; unpacked ([packed=false]) sent packed.
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("9001 01 9001 02 e201 02 0304 e001 05"))
        #expect(decoded.numbers == [1, 2])
        #expect(decoded.unpacked == [3, 4, 5])
        // Encoding follows the declaration: numbers packed, unpacked not.
        #expect(hexString(decoded.serializedBytes()) == "9201020102" + "e00103e00104e00105")
    }

    @Test func truncatedPackedRunIsAnError() {
        #expect(decodingErrorCode(Portico_Example_V1_Sample.self, hex("920102 01 80")) == .truncated)
    }

    @Test func repeatedMessagesAndStringsAppend() throws {
        let decoded = try Portico_Example_V1_Sample(serializedBytes: hex("9a010161 a20100 9a010162"))
        #expect(decoded.tags == ["a", "b"])
        #expect(decoded.addresses == [Portico_Example_V1_Address()])
    }
}
