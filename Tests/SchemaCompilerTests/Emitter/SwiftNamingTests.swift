import Testing
@testable import SchemaCompiler

@Suite("SwiftNaming")
struct SwiftNamingTests {
    @Test(arguments: [
        ("line1", "line1"),
        ("line_1", "line1"),
        ("by_id", "byId"),
        ("foo_bar_baz", "fooBarBaz"),
        ("FooBar", "fooBar"),
        ("ALL_CAPS", "allCaps"),
        ("_leading", "leading"),
        ("__double", "_Double"),
        ("trailing_", "trailing_"),
        ("1st", "_1St"),
        ("x2y", "x2Y"),
        ("url_path", "urlPath"),
        ("proto_url", "protoUrl"),
        ("HTTPServer", "httpserver"),
        ("_", "_"),
    ])
    func lowerCamelCase(input: String, expected: String) {
        #expect(SwiftNaming.lowerCamelCase(input) == expected)
    }

    @Test(arguments: [
        ("choice", "Choice"),
        ("my_oneof", "MyOneof"),
        ("id", "Id"),
        ("field_2", "Field2"),
    ])
    func upperCamelCase(input: String, expected: String) {
        #expect(SwiftNaming.upperCamelCase(input) == expected)
    }

    @Test(arguments: [
        ("portico.v1", "Portico_V1_"),
        ("google.protobuf", "Google_Protobuf_"),
        ("portico.example.v1", "Portico_Example_V1_"),
        ("my_pkg.sub_pkg", "MyPkg_SubPkg_"),
        ("", ""),
    ])
    func packagePrefix(package: String, expected: String) {
        #expect(SwiftNaming.packagePrefix(package) == expected)
    }

    @Test(arguments: [
        ("Money", "Money"),
        ("Type", "Type_"),
        ("Type_", "Type__"),
        ("Protocol", "Protocol_"),
        ("String", "String_"),
        ("Data", "Data_"),
        ("Int", "Int_"),
        ("Self", "Self_"),
        ("enum", "enum_"),
        ("UnknownFields", "UnknownFields_"),
        ("Foo_", "Foo_"),
        ("_", "__"),
        ("message", "message"),
    ])
    func typeNames(input: String, expected: String) {
        #expect(SwiftNaming.sanitizedTypeName(input) == expected)
    }

    @Test(arguments: [
        ("name", "name"),
        ("self", "self_"),
        ("self_", "self__"),
        ("init", "init_"),
        ("Type", "Type_"),
        ("unknownFields", "unknownFields_"),
        ("protoMessageName", "protoMessageName_"),
        ("hash", "hash_"),
        ("hasFoo", "hasFoo_"),
        ("clearFoo", "clearFoo_"),
        ("hash_", "hash__"),
        ("hashtag", "hashtag"),
        ("default", "`default`"),
        ("class", "`class`"),
        ("foo__", "foo__"),
        ("_", "__"),
    ])
    func propertyNames(input: String, expected: String) {
        #expect(SwiftNaming.sanitizedPropertyName(input) == expected)
    }

    @Test(arguments: [
        ("open", "open"),
        ("self", "self_"),
        ("rawValue", "rawValue_"),
        ("allCases", "allCases_"),
        ("unrecognized", "unrecognized_"),
        ("init", "init_"),
        ("default", "`default`"),
        ("case", "`case`"),
        ("none", "none"),
    ])
    func enumCaseNames(input: String, expected: String) {
        #expect(SwiftNaming.sanitizedEnumCaseName(input) == expected)
    }

    @Test(arguments: [
        ("Status", "STATUS_OPEN", "OPEN"),
        ("Status", "STATUS_UNSPECIFIED", "UNSPECIFIED"),
        ("Status", "status_open", "open"),
        ("TestEnum", "TEST_ENUM_FOO", "FOO"),
        ("Status", "STATUS", nil),
        ("Status", "STATUS_1", nil),
        ("Status", "OTHER", nil),
        ("Status", "STAT", nil),
    ] as [(String, String, String?)])
    func enumPrefixStripping(enumName: String, value: String, expected: String?) {
        #expect(EnumPrefixStripper(enumName: enumName).strip(value) == expected)
    }
}
