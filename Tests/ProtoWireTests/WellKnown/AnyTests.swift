import ProtoWire
import Testing

@Suite struct AnyTests {
    static let registry = ProtoTypeRegistry([Portico_Example_V1_Address.self, Portico_Example_V1_Node.self])

    static var address: Portico_Example_V1_Address {
        var address = Portico_Example_V1_Address()
        address.line1 = "x"
        address.city = "y"
        return address
    }

    @Test func packAndUnpack() throws {
        let any = Google_Protobuf_Any(packing: Self.address)
        #expect(any.typeUrl == "type.googleapis.com/portico.example.v1.Address")
        #expect(try any.unpack(as: Portico_Example_V1_Address.self) == Self.address)
        #expect(try any.unpack(as: Portico_Example_V1_Node.self) == nil)
    }

    @Test func messagePayloadIsInlinedNextToType() throws {
        let any = Google_Protobuf_Any(packing: Self.address)
        let json = #"{"@type":"type.googleapis.com/portico.example.v1.Address","line1":"x","city":"y"}"#
        #expect(try any.jsonString(options: .init(typeRegistry: Self.registry)) == json)
        #expect(try Google_Protobuf_Any(jsonString: json, options: .init(typeRegistry: Self.registry)) == any)
    }

    @Test func typeKeyMayComeLast() throws {
        let json = #"{"city":"y","line1":"x","@type":"type.googleapis.com/portico.example.v1.Address"}"#
        let any = try Google_Protobuf_Any(jsonString: json, options: .init(typeRegistry: Self.registry))
        #expect(try any.unpack(as: Portico_Example_V1_Address.self) == Self.address)
    }

    @Test func wellKnownPayloadGoesUnderValue() throws {
        let any = Google_Protobuf_Any(packing: Google_Protobuf_Duration(seconds: 1, nanos: 500_000_000))
        let json = #"{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1.500s"}"#
        #expect(try any.jsonString() == json)
        #expect(try Google_Protobuf_Any(jsonString: json) == any)
    }

    @Test func anyInsideAnyAndPrettyPrinting() throws {
        let inner = Google_Protobuf_Any(packing: Self.address)
        let outer = Google_Protobuf_Any(packing: inner)
        let expected = """
            {
              "@type": "type.googleapis.com/google.protobuf.Any",
              "value": {
                "@type": "type.googleapis.com/portico.example.v1.Address",
                "line1": "x",
                "city": "y"
              }
            }
            """
        #expect(try outer.jsonString(options: .init(prettyPrint: true, typeRegistry: Self.registry)) == expected)
        #expect(try Google_Protobuf_Any(jsonString: expected, options: .init(typeRegistry: Self.registry)) == outer)
    }

    @Test func unknownTypeURLsAreErrors() {
        let any = Google_Protobuf_Any(packing: Self.address)
        #expect(throws: ProtoJSONError(.unknownTypeURL, "")) { try any.jsonString() }
        #expect(jsonErrorCode(Google_Protobuf_Any.self, #"{"@type":"type.googleapis.com/x.Y","a":1}"#) == .unknownTypeURL)
    }

    @Test func emptyAnyIsAnEmptyObject() throws {
        #expect(try Google_Protobuf_Any().jsonString() == "{}")
        #expect(try Google_Protobuf_Any(jsonString: "{}") == Google_Protobuf_Any())
        #expect(jsonErrorCode(Google_Protobuf_Any.self, #"{"line1":"x"}"#) == .invalidValue)
    }

    @Test func payloadFieldsAreCheckedLikeAnyMessage() {
        let options = JSONDecodingOptions(typeRegistry: Self.registry)
        let json = #"{"@type":"type.googleapis.com/portico.example.v1.Address","nope":1}"#
        #expect(jsonErrorCode(Google_Protobuf_Any.self, json, options: options) == .unknownField)
    }
}
