import ProtoWire
import Testing

@Suite struct ContractExampleJSONTests {
    static let sampleJSON = #"{"i32":-1,"i64":"1234567890123","u32":300,"u64":"18446744073709551615","#
        + #""s32":-2,"s64":"-3000000000","f32":7,"f64":"8","sf32":-9,"sf64":"-10","fl":1.5,"db":-2.25,"#
        + #""flag":true,"text":"héllo","blob":"AQL/","status":"STATUS_OPEN","#
        + #""address":{"line1":"1 Main St","city":"Springfield"},"numbers":[1,-1,150],"tags":["a","b"],"#
        + #""addresses":[{"city":"X"},{}],"counts":{"a":"0","b":"2"},"byId":{"-1":{},"7":{"city":"Y"}},"#
        + #""maybe":0,"where":{"line1":"W"},"at":"2023-11-14T22:13:20.000005Z","unpacked":[3,4],"#
        + #""statuses":["STATUS_CLOSED","STATUS_OPEN"],"inner":{"x":42}}"#

    @Test func encodesTheProto3Mapping() throws {
        #expect(try ContractFixtures.sample.jsonString() == Self.sampleJSON)
    }

    @Test func decodesItsOwnOutput() throws {
        #expect(try Portico_Example_V1_Sample(jsonString: Self.sampleJSON) == ContractFixtures.sample)
    }

    @Test func protoNamesOnRequest() throws {
        var sample = Portico_Example_V1_Sample()
        sample.byId = [1: Portico_Example_V1_Address()]
        #expect(try sample.jsonString(options: .init(preserveProtoFieldNames: true)) == #"{"by_id":{"1":{}}}"#)
    }

    @Test func emptyMessageIsAnEmptyObject() throws {
        #expect(try Portico_Example_V1_Sample().jsonString() == "{}")
    }

    @Test func defaultsOnRequest() throws {
        let expected = #"{"i32":0,"i64":"0","u32":0,"u64":"0","s32":0,"s64":"0","f32":0,"f64":"0","#
            + #""sf32":0,"sf64":"0","fl":0,"db":0,"flag":false,"text":"","blob":"","#
            + #""status":"STATUS_UNSPECIFIED","numbers":[],"tags":[],"addresses":[],"counts":{},"#
            + #""byId":{},"unpacked":[],"statuses":[]}"#
        #expect(try Portico_Example_V1_Sample().jsonString(options: .init(emitDefaultValues: true)) == expected)
    }

    @Test func presenceFieldsAreWrittenWhenSetToDefault() throws {
        var sample = Portico_Example_V1_Sample()
        sample.maybe = 0
        sample.state = .unspecified
        #expect(try sample.jsonString() == #"{"maybe":0,"state":"STATUS_UNSPECIFIED"}"#)
    }

    @Test func prettyPrinting() throws {
        var sample = Portico_Example_V1_Sample()
        sample.i32 = 1
        sample.tags = ["a"]
        sample.address.city = "c"
        sample.addresses = [Portico_Example_V1_Address()]
        let expected = """
            {
              "i32": 1,
              "address": {
                "city": "c"
              },
              "tags": [
                "a"
              ],
              "addresses": [
                {}
              ]
            }
            """
        #expect(try sample.jsonString(options: .init(prettyPrint: true)) == expected)
    }

    @Test func floatSpecialValuesAreStrings() throws {
        var sample = Portico_Example_V1_Sample()
        sample.fl = .nan
        sample.db = -.infinity
        #expect(try sample.jsonString() == #"{"fl":"NaN","db":"-Infinity"}"#)
        let decoded = try Portico_Example_V1_Sample(jsonString: #"{"fl":"Infinity","db":"NaN"}"#)
        #expect(decoded.fl == .infinity)
        #expect(decoded.db.isNaN)
    }

    @Test func unknownEnumNumbersAreWrittenAsNumbers() throws {
        var sample = Portico_Example_V1_Sample()
        sample.status = .unrecognized(7)
        #expect(try sample.jsonString() == #"{"status":7}"#)
    }

    @Test func stringsAreEscaped() throws {
        var sample = Portico_Example_V1_Sample()
        sample.text = "a\"b\\c\n\u{1}é😀"
        #expect(try sample.jsonString() == #"{"text":"a\"b\\c\n\u0001é😀"}"#)
    }

    @Test func recursiveNode() throws {
        var node = Portico_Example_V1_Node()
        node.name = "leaf"
        node.parent.name = "root"
        #expect(try node.jsonString() == #"{"name":"leaf","parent":{"name":"root"}}"#)
        #expect(try Portico_Example_V1_Node(jsonString: #"{"parent":{"name":"root"},"name":"leaf"}"#) == node)
    }
}
