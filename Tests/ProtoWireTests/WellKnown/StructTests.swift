import ProtoWire
import Testing

@Suite struct StructTests {
    @Test func structRoundTripsArbitraryJSON() throws {
        let json = #"{"a":[1,"x",true,null,{"b":{}}],"c":-2.5,"d":[]}"#
        let value = try Google_Protobuf_Struct(jsonString: json)
        #expect(value.fields["c"]?.numberValue == -2.5)
        #expect(value.fields["a"]?.listValue.values.count == 5)
        #expect(value.fields["a"]?.listValue.values[3].kind == .nullValue(.nullValue))
        #expect(try value.jsonString() == json)
        // And through binary.
        #expect(try Google_Protobuf_Struct(serializedBytes: value.serializedBytes()) == value)
    }

    @Test func valueOfEveryKind() throws {
        #expect(try Google_Protobuf_Value(jsonString: "null").kind == .nullValue(.nullValue))
        #expect(try Google_Protobuf_Value(jsonString: "1e2").kind == .numberValue(100))
        #expect(try Google_Protobuf_Value(jsonString: #""s""#).kind == .stringValue("s"))
        #expect(try Google_Protobuf_Value(jsonString: "false").kind == .boolValue(false))
        #expect(try Google_Protobuf_ListValue(jsonString: "[[]]").values.first?.listValue == Google_Protobuf_ListValue())
    }

    @Test func valuesThatHaveNoJSONForm() {
        var value = Google_Protobuf_Value()
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try value.jsonString() }
        value.numberValue = .nan
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try value.jsonString() }
    }

    @Test func duplicateKeysAreRejected() {
        #expect(jsonErrorCode(Google_Protobuf_Struct.self, #"{"a":1,"a":2}"#) == .duplicateField)
    }

    @Test func deeplyNestedValuesHitTheLimit() {
        let json = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(jsonErrorCode(Google_Protobuf_Value.self, json) == .recursionLimitExceeded)
    }
}

@Suite struct FieldMaskTests {
    @Test func pathsAreLowerCamelJoinedByCommas() throws {
        var mask = Google_Protobuf_FieldMask()
        mask.paths = ["foo_bar.baz_qux", "a", "x2_y"]
        #expect(try mask.jsonString() == #""fooBar.bazQux,a,x2Y""#)
        #expect(try Google_Protobuf_FieldMask(jsonString: #""fooBar.bazQux,a,x2Y""#) == mask)
        #expect(try Google_Protobuf_FieldMask(jsonString: #""""#).paths == [])
    }

    @Test(arguments: ["fooBar", "foo__bar", "foo_", "foo_1"])
    func pathsWithoutAJSONForm(path: String) {
        var mask = Google_Protobuf_FieldMask()
        mask.paths = [path]
        #expect(throws: ProtoJSONError(.unencodableValue, "")) { try mask.jsonString() }
    }

    /// Found by the fuzzer: Unicode letters that count as both cases (U+027F) or have no
    /// lower-case form (U+03D2) must round-trip unchanged; only ASCII changes case.
    @Test(arguments: ["\u{027F}", "a\u{03D2}b", "\u{00C9}t\u{00E9}"])
    func nonASCIILettersKeepTheirCase(path: String) throws {
        var mask = Google_Protobuf_FieldMask()
        mask.paths = [path]
        let json = try mask.jsonString()
        #expect(json == "\"\(path)\"")
        #expect(try Google_Protobuf_FieldMask(jsonString: json) == mask)
    }

    @Test func snakeCaseInputIsRejected() {
        #expect(jsonErrorCode(Google_Protobuf_FieldMask.self, #""foo_bar""#) == .invalidValue)
        #expect(jsonErrorCode(Google_Protobuf_FieldMask.self, #""a,,b""#) == .invalidValue)
    }
}

@Suite struct WrapperAndEmptyTests {
    @Test func wrappersAreTheirPlainValue() throws {
        var int64 = Google_Protobuf_Int64Value()
        int64.value = -5
        #expect(try int64.jsonString() == #""-5""#)
        #expect(try Google_Protobuf_Int64Value(jsonString: "7").value == 7)
        var bool = Google_Protobuf_BoolValue()
        bool.value = true
        #expect(try bool.jsonString() == "true")
        var bytes = Google_Protobuf_BytesValue()
        bytes.value = [0xFF]
        #expect(try bytes.jsonString() == #""/w==""#)
        #expect(try Google_Protobuf_StringValue(jsonString: #""hi""#).value == "hi")
        #expect(try Google_Protobuf_FloatValue(jsonString: #""-Infinity""#).value == -.infinity)
        #expect(try Google_Protobuf_UInt32Value().jsonString() == "0")
    }

    @Test func wrappersEncodeLikeAMessageWithFieldOne() {
        var double = Google_Protobuf_DoubleValue()
        double.value = 1
        #expect(hexString(double.serializedBytes()) == "09000000000000f03f")
    }

    @Test func emptyIsAnEmptyObject() throws {
        #expect(try Google_Protobuf_Empty().jsonString() == "{}")
        #expect(try Google_Protobuf_Empty(jsonString: " { } ") == Google_Protobuf_Empty())
        #expect(jsonErrorCode(Google_Protobuf_Empty.self, #"{"a":1}"#) == .unknownField)
    }
}
