import ProtoWire
import Testing

/// JSON `null` for a oneof member means "not set", except for members whose type has
/// null as a value (`google.protobuf.Value`, `NullValue`): those take it.
@Suite("JSON null in oneofs")
struct OneofNullTests {
    typealias AllFields = Portico_Interop_V1_AllFields

    @Test func nullLeavesAnOrdinaryMemberUnset() throws {
        let message = try AllFields(jsonString: #"{"choiceInt32":null}"#)
        #expect(message.choice == nil)
    }

    @Test func nullSelectsAValueMember() throws {
        let message = try AllFields(jsonString: #"{"choiceValue":null}"#)
        var null = Google_Protobuf_Value()
        null.kind = .nullValue(.nullValue)
        #expect(message.choice == .choiceValue(null))
        #expect(try message.jsonString() == #"{"choiceValue":null}"#)
    }

    @Test func nullSelectsANullValueMember() throws {
        let message = try AllFields(jsonString: #"{"choice_null":null}"#)
        #expect(message.choice == .choiceNull(.nullValue))
        #expect(try message.jsonString() == #"{"choiceNull":null}"#)
    }

    @Test func aNullMemberStillConflictsWithAnotherMember() {
        #expect(throws: ProtoJSONError.self) {
            try AllFields(jsonString: #"{"choiceValue":null,"choiceInt32":1}"#)
        }
    }
}
