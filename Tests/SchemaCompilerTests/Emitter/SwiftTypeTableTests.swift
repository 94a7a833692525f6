import Testing
@testable import SchemaCompiler

@Suite("SwiftTypeTable")
struct SwiftTypeTableTests {
    private func enumType(_ name: String, _ values: [(String, Int32)]) -> EnumDescriptor {
        var descriptor = EnumDescriptor(name: name)
        descriptor.values = values.map { EnumValueDescriptor(name: $0.0, number: $0.1) }
        return descriptor
    }

    private func field(_ name: String, _ number: Int32, _ type: FieldDescriptor.FieldType = .int32,
                       label: FieldDescriptor.Label = .optional, typeName: String? = nil) -> FieldDescriptor {
        var descriptor = FieldDescriptor(name: name, number: number, label: label, type: type)
        descriptor.typeName = typeName
        return descriptor
    }

    @Test func enumCasesStripThePrefix() {
        let names = EnumCaseNames(enumType("Status", [("STATUS_UNSPECIFIED", 0), ("STATUS_OPEN", 1), ("STATUS_CLOSED", 2)]))
        #expect(names.names == ["unspecified", "open", "closed"])
        #expect(names.caseIndices == [0, 1, 2])
        #expect(names.aliases == [])
    }

    @Test func enumCasesKeepThePrefixWhenStrippingCollides() {
        let names = EnumCaseNames(enumType("Band", [("BAND_UNSET", 0), ("BAND_RADIO", 1), ("RADIO_X", 2), ("RADIO", 3)]))
        #expect(names.names == ["unset", "bandRadio", "radioX", "radio"])
    }

    @Test func enumCasesThatStillCollideGetTheirNumber() {
        let names = EnumCaseNames(enumType("E", [("foo", 0), ("FOO", 1), ("Foo", -2)]))
        #expect(names.names == ["foo_0", "foo_1", "foo_n2"])
    }

    @Test func enumAliasesBecomeConstantsUnlessNamedLikeTheirCase() {
        let names = EnumCaseNames(enumType("Kind", [("KIND_A", 0), ("KIND_B", 1), ("B", 1), ("BEE", 1), ("kind_bee", 1)]))
        #expect(names.names == ["a", "b", "b", "bee", "bee"])
        #expect(names.caseIndices == [0, 1])
        #expect(names.aliases == [EnumCaseNames.Alias(name: "bee", canonical: "b", valueIndex: 3)])
    }

    @Test func enumCasesAvoidGeneratedMembers() {
        let names = EnumCaseNames(enumType("Kind", [("init", 0), ("self", 1), ("default", 2), ("rawValue", 3),
                                                    ("allCases", 4), ("UNRECOGNIZED", 5), ("Type", 6)]))
        #expect(names.names == ["init_", "self_", "`default`", "rawValue_", "allCases_", "unrecognized_", "type"])
    }

    @Test func memberNamesOfPresenceFieldsAndOneofs() {
        var message = MessageDescriptor(name: "M")
        var maybe = field("maybe", 1)
        maybe.proto3Optional = true
        maybe.oneofIndex = 1
        var choice = field("name", 2, .string)
        choice.oneofIndex = 0
        message.fields = [maybe, choice, field("has_maybe", 3), field("self", 4), field("class", 5),
                          field("address", 6, .message, typeName: ".M")]
        var synthetic = OneofDescriptor(name: "_maybe")
        synthetic.isSynthetic = true
        message.oneofDecls = [OneofDescriptor(name: "choice"), synthetic]
        let names = MessageMemberNames(message: message)
        #expect(names.fields.map(\.property) == ["maybe", "name", "hasMaybe_", "self_", "`class`", "address"])
        #expect(names.fields[0] == .init(property: "maybe", storage: "_maybe", has: "hasMaybe", clear: "clearMaybe"))
        #expect(names.fields[5] == .init(property: "address", storage: "_address", has: "hasAddress", clear: "clearAddress"))
        #expect(names.oneofs == [.init(property: "choice", enumType: "OneOf_Choice"), nil])
    }

    @Test func typeNamesArePackagePrefixedAndNested() {
        var file = FileDescriptor(name: "a.proto")
        file.package = "portico.v1"
        var outer = MessageDescriptor(name: "Outer")
        var inner = MessageDescriptor(name: "Type")
        inner.nestedTypes = [MessageDescriptor(name: "Deep")]
        outer.nestedTypes = [inner, MessageDescriptor(name: "value")]
        outer.enumTypes = [enumType("Kind", [("KIND_A", 0)])]
        outer.fields = [field("value", 1)]
        file.messageTypes = [outer, MessageDescriptor(name: "String")]
        var bare = FileDescriptor(name: "b.proto")
        bare.messageTypes = [MessageDescriptor(name: "Data"), MessageDescriptor(name: "Plain")]
        let table = SwiftTypeTable(files: [file, bare])
        #expect(table.messages[".portico.v1.Outer"]?.swiftName == "Portico_V1_Outer")
        #expect(table.messages[".portico.v1.Outer.Type"]?.swiftName == "Portico_V1_Outer.Type_")
        #expect(table.messages[".portico.v1.Outer.Type.Deep"]?.swiftName == "Portico_V1_Outer.Type_.Deep")
        #expect(table.messages[".portico.v1.Outer.value"]?.swiftName == "Portico_V1_Outer.value_")
        #expect(table.enums[".portico.v1.Outer.Kind"]?.swiftName == "Portico_V1_Outer.Kind")
        #expect(table.messages[".portico.v1.String"]?.swiftName == "Portico_V1_String")
        #expect(table.messages[".Data"]?.swiftName == "Data_")
        #expect(table.messages[".Plain"]?.swiftName == "Plain")
        let prefixed = SwiftTypeTable(files: [bare, file]) { $0.name == "b.proto" ? "Case1_" : "" }
        #expect(prefixed.messages[".Data"]?.swiftName == "Case1_Data")
        #expect(prefixed.messages[".portico.v1.Outer"]?.swiftName == "Portico_V1_Outer")
    }

    @Test func storageIsUsedOnCyclesOfSingularMessageFields() {
        var file = FileDescriptor(name: "c.proto")
        var node = MessageDescriptor(name: "Node")
        node.fields = [field("parent", 1, .message, typeName: ".Node")]
        var a = MessageDescriptor(name: "A")
        a.fields = [field("b", 1, .message, typeName: ".B")]
        var b = MessageDescriptor(name: "B")
        var viaOneof = field("a", 1, .message, typeName: ".A")
        viaOneof.oneofIndex = 0
        b.oneofDecls = [OneofDescriptor(name: "kind")]
        b.fields = [viaOneof]
        var list = MessageDescriptor(name: "List")
        list.fields = [field("items", 1, .message, label: .repeated, typeName: ".List")]
        var user = MessageDescriptor(name: "User")
        user.fields = [field("node", 1, .message, typeName: ".Node")]
        file.messageTypes = [node, a, b, list, user]
        let table = SwiftTypeTable(files: [file])
        #expect(table.messagesUsingStorage == [".Node", ".A", ".B"])
    }
}
