import ProtoWire
import Testing

@Suite struct JSONDecodingTests {
    typealias Sample = Portico_Example_V1_Sample

    @Test func acceptsJSONNameAndProtoName() throws {
        #expect(try Sample(jsonString: #"{"byId":{"1":{}}}"#).byId.keys.sorted() == [1])
        #expect(try Sample(jsonString: #"{"by_id":{"2":{}}}"#).byId.keys.sorted() == [2])
    }

    @Test func sameFieldUnderBothNamesIsADuplicate() {
        #expect(jsonErrorCode(Sample.self, #"{"byId":{},"by_id":{}}"#) == .duplicateField)
        #expect(jsonErrorCode(Sample.self, #"{"i32":1,"i32":2}"#) == .duplicateField)
        #expect(jsonErrorCode(Sample.self, #"{"counts":{"a":"1","a":"2"}}"#) == .duplicateField)
    }

    @Test func unknownFieldsFailUnlessIgnored() throws {
        #expect(jsonErrorCode(Sample.self, #"{"nope":1}"#) == .unknownField)
        let sample = try Sample(jsonString: #"{"nope":{"deep":[1,2]},"i32":3}"#, options: .init(ignoreUnknownFields: true))
        #expect(sample.i32 == 3)
    }

    @Test func nullMeansDefaultOrUnset() throws {
        let sample = try Sample(jsonString: #"{"i32":null,"address":null,"numbers":null,"counts":null,"maybe":null,"name":null}"#)
        #expect(sample == Sample())
    }

    @Test func nullInsideRepeatedOrMapIsAnError() {
        #expect(jsonErrorCode(Sample.self, #"{"numbers":[1,null]}"#) == .invalidValue)
        #expect(jsonErrorCode(Sample.self, #"{"counts":{"a":null}}"#) == .invalidValue)
    }

    @Test(arguments: [
        (#"{"i64":"123"}"#, Int64(123)), (#"{"i64":123}"#, 123), (#"{"i64":"-9223372036854775808"}"#, .min),
        (#"{"i64":1e3}"#, 1000), (#"{"i64":"1e3"}"#, 1000), (#"{"i64":1.5e1}"#, 15), (#"{"i64":-0}"#, 0),
        (#"{"i64":2.000}"#, 2),
    ])
    func int64Forms(json: String, expected: Int64) throws {
        #expect(try Sample(jsonString: json).i64 == expected)
    }

    @Test(arguments: [
        #"{"i32":1.5}"#, #"{"i32":2147483648}"#, #"{"u32":-1}"#, #"{"i64":"9223372036854775808"}"#,
        #"{"u64":"-1"}"#, #"{"i32":"abc"}"#, #"{"i32":true}"#, #"{"i32":" 1"}"#, #"{"fl":1e39}"#,
        #"{"db":"1e999"}"#, #"{"flag":"true"}"#, #"{"text":1}"#, #"{"blob":"a"}"#, #"{"numbers":{}}"#,
        #"{"byId":{"x":{}}}"#, #"{"address":[]}"#,
    ])
    func invalidValues(json: String) {
        let code = jsonErrorCode(Sample.self, json)
        #expect(code == .invalidValue || code == .invalidMapKey)
    }

    @Test func enumsByNameOrNumber() throws {
        #expect(try Sample(jsonString: #"{"status":"STATUS_CLOSED"}"#).status == .closed)
        #expect(try Sample(jsonString: #"{"status":2}"#).status == .closed)
        #expect(try Sample(jsonString: #"{"status":9}"#).status == .unrecognized(9))
        #expect(jsonErrorCode(Sample.self, #"{"status":"CLOSED"}"#) == .unknownEnumValue)
    }

    @Test func unknownEnumNamesAreSkippedWhenIgnoringUnknownFields() throws {
        let options = JSONDecodingOptions(ignoreUnknownFields: true)
        let sample = try Sample(jsonString: #"{"status":"NOPE","statuses":["STATUS_OPEN","NOPE"],"state":"NOPE"}"#, options: options)
        #expect(sample.status == .unspecified)
        #expect(sample.statuses == [.open])
        #expect(sample.choice == nil)
    }

    @Test(arguments: [
        ("AQL/", [UInt8]([1, 2, 255])), ("AQL_", [1, 2, 255]), ("AQL+", [1, 2, 254]), ("AQL-", [1, 2, 254]),
        ("AQI=", [1, 2]), ("AQI", [1, 2]), ("AQ==", [1]), ("AQ", [1]), ("", []),
    ])
    func base64Variants(text: String, expected: [UInt8]) throws {
        #expect(try Sample(jsonString: #"{"blob":"\#(text)"}"#).blob == expected)
    }

    @Test(arguments: ["A", "AQ=", "AQ===", "A*==", "AQI=AQI="])
    func invalidBase64(text: String) {
        #expect(jsonErrorCode(Sample.self, #"{"blob":"\#(text)"}"#) == .invalidValue)
    }

    @Test func oneofMembers() throws {
        #expect(try Sample(jsonString: #"{"where":{"city":"c"}}"#).where.city == "c")
        #expect(jsonErrorCode(Sample.self, #"{"name":"a","state":"STATUS_OPEN"}"#) == .oneofConflict)
        // A null member does not count as set.
        #expect(try Sample(jsonString: #"{"name":null,"state":1}"#).choice == .state(.open))
    }

    @Test func mapKeysAreParsedByKeyType() throws {
        let sample = try Sample(jsonString: #"{"byId":{"-5":{"city":"m"}},"counts":{"":"1"}}"#)
        #expect(sample.byId[-5]?.city == "m")
        #expect(sample.counts == ["": 1])
    }

    @Test(arguments: [
        "", " ", "{", "}", #"{"i32":1,}"#, #"{,"i32":1}"#, #"{"i32" 1}"#, #"{"i32":1}x"#, #"{'i32':1}"#,
        #"{"i32":01}"#, #"{"i32":+1}"#, #"{"i32":.5}"#, #"{"i32":1.}"#, #"{"text":"\x"}"#,
        "{\"text\":\"a\u{1}\"}", #"{"text":"\ud800"}"#, #"{"text":"\udc00\ud800"}"#, #"{"flag":tru}"#,
        #"[]"#, #"{"numbers":[1,]}"#, #"{"numbers":[,1]}"#,
    ])
    func malformedJSON(json: String) {
        let code = jsonErrorCode(Sample.self, json)
        #expect(code == .malformedJSON || code == .invalidValue)
    }

    @Test func escapesAndSurrogatePairs() throws {
        let sample = try Sample(jsonString: #"{"text":"\u00e9\ud83d\ude00\n\/\"\\\t"}"#)
        #expect(sample.text == "é😀\n/\"\\\t")
    }

    @Test func whitespaceIsAllowedBetweenTokens() throws {
        #expect(try Sample(jsonString: " {\n\t\"i32\" :\r 5 , \"tags\" : [ \"a\" ] } ").i32 == 5)
    }

    @Test func deepNestingHitsTheRecursionLimit() {
        let json = String(repeating: #"{"parent":"#, count: 10_000) + "{}" + String(repeating: "}", count: 10_000)
        #expect(jsonErrorCode(Portico_Example_V1_Node.self, json) == .recursionLimitExceeded)
        let skipped = #"{"x":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(jsonErrorCode(Portico_Example_V1_Node.self, skipped, options: .init(ignoreUnknownFields: true))
            == .recursionLimitExceeded)
    }

    @Test func recursionLimitIsConfigurable() throws {
        let json = #"{"parent":{"parent":{}}}"#
        // Two levels below the top-level message, as in binary decoding.
        #expect(jsonErrorCode(Portico_Example_V1_Node.self, json, options: .init(recursionLimit: 1)) == .recursionLimitExceeded)
        #expect(try Portico_Example_V1_Node(jsonString: json, options: .init(recursionLimit: 2)).parent.hasParent)
    }
}
