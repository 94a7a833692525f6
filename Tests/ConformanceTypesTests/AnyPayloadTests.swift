import ConformanceTypes
import ProtoWire
import Testing

/// `google.protobuf.Any` in JSON: the exact form of a payload the conformance round trip
/// only compares as a JSON value.
@Suite("Any payloads in JSON")
struct AnyPayloadTests {
    /// Empty has no special JSON form (it is a plain `{}` object), so Any inlines its
    /// (no) fields like any message's and writes no `"value"` member: protobuf's JSON
    /// mapping as Python's json_format and swift-protobuf implement it. Python rejects
    /// `{"@type": ".../google.protobuf.Empty", "value": {}}`: "Message type
    /// "google.protobuf.Empty" has no field named "value"".
    @Test func emptyInAnyIsInlined() throws {
        var event = Shelf_Wkt_Event()
        event.payload = Google_Protobuf_Any(packing: Google_Protobuf_Empty())
        let expected = #"{"payload":{"@type":"type.googleapis.com/google.protobuf.Empty"}}"#
        let json = try event.jsonString()
        #expect(json == expected)
        #expect(try Shelf_Wkt_Event(jsonString: expected) == event)
    }
}
