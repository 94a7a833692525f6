import Testing
@testable import SchemaCompiler

@Suite("Parser: messages")
struct ParserMessageTests {
    func integer(_ value: UInt64, _ line: Int, _ column: Int, negative: Bool = false) -> AST.IntegerLiteral {
        AST.IntegerLiteral(isNegative: negative, magnitude: value, at: location(line, column))
    }

    func type(_ text: String, _ line: Int, _ column: Int) -> AST.TypeReference {
        AST.TypeReference(text, at: location(line, column))
    }

    func name(_ text: String, _ line: Int, _ column: Int) -> AST.Identifier {
        AST.Identifier(text, at: location(line, column))
    }

    @Test func fieldsWithAndWithoutLabels() throws {
        let message = try #require(firstMessage("""
            syntax = "proto3";
            message Book {
              string title = 1;
              optional int32 pages = 0x2;
              repeated .shelf.Author authors = 03 [deprecated = true];
            }
            """))
        #expect(message.name == name("Book", 2, 9))
        #expect(message.location == location(2, 1))
        #expect(message.elements == [
            .field(.init(
                label: nil, labelLocation: nil, type: type("string", 3, 3), name: name("title", 3, 10),
                number: integer(1, 3, 18), options: [], location: location(3, 3), comments: .none
            )),
            .field(.init(
                label: .optional, labelLocation: location(4, 3), type: type("int32", 4, 12),
                name: name("pages", 4, 18), number: integer(2, 4, 26), options: [],
                location: location(4, 3), comments: .none
            )),
            .field(.init(
                label: .repeated, labelLocation: location(5, 3), type: type(".shelf.Author", 5, 12),
                name: name("authors", 5, 26), number: integer(3, 5, 36),
                options: [.init(
                    name: [.field(name("deprecated", 5, 40))], value: .identifier("true", isNegative: false),
                    location: location(5, 40), valueLocation: location(5, 53), comments: .none
                )],
                location: location(5, 3), comments: .none
            )),
        ])
    }

    @Test func mapFields() throws {
        let message = try #require(firstMessage("""
            syntax = "proto3";
            message M {
              map<string, .a.B> by_name = 1 [json_name = "x"];
              map map = 2;
            }
            """))
        #expect(message.elements == [
            .map(.init(
                keyType: type("string", 3, 7), valueType: type(".a.B", 3, 15), name: name("by_name", 3, 21),
                number: integer(1, 3, 31),
                options: [.init(
                    name: [.field(name("json_name", 3, 34))], value: .string(Array("x".utf8)),
                    location: location(3, 34), valueLocation: location(3, 46), comments: .none
                )],
                location: location(3, 3), comments: .none
            )),
            // `map` not followed by `<` is a type name.
            .field(.init(
                label: nil, labelLocation: nil, type: type("map", 4, 3), name: name("map", 4, 7),
                number: integer(2, 4, 13), options: [], location: location(4, 3), comments: .none
            )),
        ])
    }

    @Test func groupsInProto2() throws {
        let (file, problems) = parse("""
            syntax = "proto2";
            message M {
              optional group Result = 1 [deprecated = true] {
                required string url = 2;
              }
            }
            """)
        #expect(problems == [])
        guard case .message(let message) = file.statements[1], case .group(let group) = message.elements[0] else {
            Issue.record("expected a group")
            return
        }
        #expect(group.label == .optional)
        #expect(group.name == name("Result", 3, 18))
        #expect(group.number == integer(1, 3, 27))
        #expect(group.location == location(3, 3))
        #expect(group.options.map(\.name) == [[.field(name("deprecated", 3, 30))]])
        #expect(group.elements.count == 1)
    }

    @Test func oneofWithOptionsAndFields() throws {
        let message = try #require(firstMessage("""
            syntax = "proto3";
            message M {
              oneof choice {
                option (x) = 1;
                string a = 1;
                ;
              }
            }
            """))
        guard case .oneof(let oneof) = message.elements[0] else {
            Issue.record("expected a oneof")
            return
        }
        #expect(oneof.name == name("choice", 3, 9))
        #expect(oneof.location == location(3, 3))
        #expect(oneof.elements.count == 2)
        guard case .option(let option) = oneof.elements[0], case .field(let field) = oneof.elements[1] else {
            Issue.record("expected an option then a field")
            return
        }
        #expect(option.name == [.extension(type("x", 4, 12))])
        #expect(field.name.text == "a")
    }

    @Test func reservedAndExtensionRanges() throws {
        let (file, problems) = parse("""
            syntax = "proto2";
            message M {
              reserved 2, 9 to 11, 40 to max;
              reserved "foo", 'b' "ar";
              extensions 100 to 199, 500 to max [(v) = 1];
            }
            """)
        #expect(problems == [])
        guard case .message(let message) = file.statements[1] else { return }
        #expect(message.elements == [
            .reserved(.init(
                ranges: [
                    .init(start: integer(2, 3, 12), end: nil, isMax: false, location: location(3, 12)),
                    .init(start: integer(9, 3, 15), end: integer(11, 3, 20), isMax: false, location: location(3, 15)),
                    .init(start: integer(40, 3, 24), end: nil, isMax: true, location: location(3, 24)),
                ],
                names: [], location: location(3, 3), comments: .none
            )),
            .reserved(.init(
                ranges: [], names: [name("foo", 4, 12), name("bar", 4, 19)], location: location(4, 3), comments: .none
            )),
            .extensions(.init(
                ranges: [
                    .init(start: integer(100, 5, 14), end: integer(199, 5, 21), isMax: false, location: location(5, 14)),
                    .init(start: integer(500, 5, 26), end: nil, isMax: true, location: location(5, 26)),
                ],
                options: [.init(
                    name: [.extension(type("v", 5, 38))], value: .integer(integer(1, 5, 44)),
                    location: location(5, 38), valueLocation: location(5, 44), comments: .none
                )],
                location: location(5, 3), comments: .none
            )),
        ])
    }

    @Test func nestedDeclarationsAndExtend() throws {
        let message = try #require(firstMessage("""
            syntax = "proto2";
            message A {
              message B { message C { message D { optional int32 x = 1; } } }
              enum E { E_ZERO = 0; }
              extend A { optional int32 ext = 100; optional group G = 101 {} }
            }
            """))
        guard case .message(let b) = message.elements[0], case .message(let c) = b.elements[0],
              case .message(let d) = c.elements[0], case .enum(let e) = message.elements[1],
              case .extend(let extend) = message.elements[2] else {
            Issue.record("unexpected shape: \(message.elements)")
            return
        }
        #expect(d.name.text == "D")
        #expect(d.elements.count == 1)
        #expect(e.values.map(\.name.text) == ["E_ZERO"])
        #expect(extend.extendee == type("A", 5, 10))
        #expect(extend.fields.map(\.name.text) == ["ext"])
        #expect(extend.groups.map(\.name.text) == ["G"])
    }

    /// Most keywords are ordinary identifiers; only statement keywords at the start of a
    /// message statement (and labels) are taken as keywords.
    @Test func keywordsAsIdentifiers() throws {
        let message = try #require(firstMessage("""
            syntax = "proto3";
            message message {
              optional optional optional = 1;
              repeated message message = 2;
              Item Item = 3;
              service rpc = 4;
              .enum enum = 5;
              message extend {}
            }
            """))
        #expect(message.name.text == "message")
        let fields = message.elements.compactMap { element -> String? in
            guard case .field(let field) = element else { return nil }
            return "\(field.label.map { "\($0) " } ?? "")\(field.type.text) \(field.name.text)"
        }
        #expect(fields == [
            "optional optional optional", "repeated message message", "Item Item", "service rpc", ".enum enum",
        ])
        guard case .message(let nested) = message.elements.last else {
            Issue.record("expected a nested message")
            return
        }
        #expect(nested.name.text == "extend")
    }

    /// A field's label keyword starts the field: `optional x = 1;` lacks a name.
    @Test func statementKeywordCannotStartAnUnqualifiedType() {
        #expect(diagnostics("syntax = \"proto3\";\nmessage A { optional x = 1; }") == [
            "test.proto:2:24: Expected field name.",
        ])
    }
}
