import PorticoAPI
import ProtoWireGRPC
import Testing

@testable import PorticoShell

/// Following a half-typed JSON request down to the message whose keys come next, on a
/// made-up schema with the shapes Portico's requests do not have yet: repeated messages,
/// maps of messages, and a well-known type.
@Suite("JSON key position")
struct JSONKeyPositionTests {
    /// `t.Order { repeated t.Line lines; map<string, t.Line> by_sku; t.Line first;
    /// google.protobuf.Struct extra; repeated string tags }` and `t.Line { string sku;
    /// int32 quantity }`. The generated type is a placeholder: only the fields are read.
    let messages: [String: ProtoMessageDescription] = [
        "t.Order": ProtoMessageDescription(messageType: Portico_V1_Tenant.self, fields: [
            ProtoFieldDescription(name: "lines", jsonName: "lines", number: 1, type: "t.Line", kind: .message, isRepeated: true),
            ProtoFieldDescription(
                name: "by_sku", jsonName: "bySku", number: 2, type: "t.Line", kind: .message, isRepeated: true, keyType: "string"
            ),
            ProtoFieldDescription(name: "first", jsonName: "first", number: 3, type: "t.Line", kind: .message),
            ProtoFieldDescription(name: "extra", jsonName: "extra", number: 4, type: "google.protobuf.Struct", kind: .message),
            ProtoFieldDescription(name: "tags", jsonName: "tags", number: 5, type: "string", isRepeated: true),
        ]),
        "t.Line": ProtoMessageDescription(messageType: Portico_V1_Tenant.self, fields: [
            ProtoFieldDescription(name: "sku", jsonName: "sku", number: 1, type: "string"),
            ProtoFieldDescription(name: "quantity", jsonName: "quantity", number: 2, type: "int32"),
        ]),
    ]

    private func type(_ json: String) -> String? {
        JSONKeyPosition.messageType(atEndOf: json[...], root: "t.Order", messages: messages)
    }

    @Test func objectsFollowTheirFields() {
        #expect(type("{") == "t.Order")
        #expect(type(#"{"first": {"#) == "t.Line")
        #expect(type(#"{"first": {"sku": "a"}, "#) == "t.Order")
    }

    @Test func elementsOfRepeatedMessagesAndValuesOfMaps() {
        #expect(type(#"{"lines": [{"#) == "t.Line")
        #expect(type(#"{"lines": [{"sku": "a"}, {"#) == "t.Line")
        #expect(type(#"{"lines": [{"sku": "a"}], "#) == "t.Order")
        #expect(type(#"{"by_sku": {"#) == nil, "a map's keys are data")
        #expect(type(#"{"bySku": {"a-1": {"#) == "t.Line")
        #expect(type(#"{"bySku": {"a-1": {"sku": "a"}, "#) == nil)
    }

    @Test func noKeyStartsHere() {
        #expect(type(#"{"first": "#) == nil, "a value comes next")
        #expect(type(#"{"tags": ["#) == nil)
        #expect(type(#"{"extra": {"#) == nil, "a Struct's keys are data")
        #expect(type(#"{"unknown": {"#) == nil)
        #expect(type(#"{"first": {"sku": "{"#) == nil, "inside a string")
    }
}
