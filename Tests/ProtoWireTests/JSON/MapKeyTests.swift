import ProtoWire
import Testing

/// Map keys in JSON are strings; each key kind parses and orders its own way.
@Suite struct MapKeyTests {
    @Test func boolKeys() throws {
        #expect(try ProtoBool.parseJSONMapKey("true") == true)
        #expect(try ProtoBool.parseJSONMapKey("false") == false)
        #expect(throws: ProtoJSONError(.invalidMapKey, "")) { try ProtoBool.parseJSONMapKey("1") }
        #expect(ProtoBool.sortsBefore(false, true) && !ProtoBool.sortsBefore(true, false))
        #expect(ProtoBool.jsonMapKey(true) == "true")
    }

    @Test func integerKeys() throws {
        #expect(try ProtoInt64.parseJSONMapKey("-9223372036854775808") == .min)
        #expect(try ProtoUInt32.parseJSONMapKey("4294967295") == .max)
        #expect(throws: ProtoJSONError(.invalidMapKey, "")) { try ProtoUInt32.parseJSONMapKey("-1") }
        #expect(throws: ProtoJSONError(.invalidMapKey, "")) { try ProtoInt32.parseJSONMapKey("1e2") }
        #expect(throws: ProtoJSONError(.invalidMapKey, "")) { try ProtoInt32.parseJSONMapKey(" 1") }
        #expect(ProtoSFixed64.jsonMapKey(-3) == "-3")
    }

    @Test func signedKeysSortNumerically() {
        var sample = Portico_Example_V1_Sample()
        sample.byId = [10: .init(), -2: .init(), 3: .init()]
        // Entries for -2, 3, 10: `b201 04 08 <key> 1200`.
        #expect(hexString(sample.serializedBytes())
            == "b2010d08feffffffffffffffff011200" + "b2010408031200" + "b20104080a1200")
    }
}
