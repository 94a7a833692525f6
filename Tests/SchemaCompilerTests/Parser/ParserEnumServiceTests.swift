import Testing
@testable import SchemaCompiler

@Suite("Parser: enums and services")
struct ParserEnumServiceTests {
    @Test func enumValuesOptionsAndReserved() {
        let (file, problems) = parse("""
            syntax = "proto3";
            enum Genre {
              option allow_alias = true;
              GENRE_UNSPECIFIED = 0;
              GENRE_NOVEL = -0x10 [deprecated = true];
              GENRE_ALIAS = -16;
              reserved -5 to -1, 100 to max;
              reserved "OLD";
            }
            """)
        #expect(problems == [])
        guard case .enum(let genre) = file.statements[1] else {
            Issue.record("expected an enum")
            return
        }
        #expect(genre.name == AST.Identifier("Genre", at: location(2, 6)))
        #expect(genre.values.map(\.name.text) == ["GENRE_UNSPECIFIED", "GENRE_NOVEL", "GENRE_ALIAS"])
        #expect(genre.values.map(\.number) == [
            AST.IntegerLiteral(magnitude: 0, at: location(4, 23)),
            AST.IntegerLiteral(isNegative: true, magnitude: 16, at: location(5, 17)),
            AST.IntegerLiteral(isNegative: true, magnitude: 16, at: location(6, 17)),
        ])
        #expect(genre.values[1].options.count == 1)
        #expect(genre.options.count == 1)
        #expect(genre.reserved.map(\.ranges.count) == [2, 0])
        #expect(genre.reserved[0].ranges[0].start == AST.IntegerLiteral(isNegative: true, magnitude: 5, at: location(7, 12)))
        #expect(genre.reserved[0].ranges[1].isMax)
        #expect(genre.reserved[1].names.map(\.text) == ["OLD"])
    }

    @Test func serviceMethods() {
        let (file, problems) = parse("""
            syntax = "proto3";
            service Desk {
              rpc Get(.a.Req) returns (stream Res);
              ;
              rpc Put(stream Req) returns (Res) { ; option deprecated = true; }
            }
            """)
        #expect(problems == [])
        guard case .service(let desk) = file.statements[1] else {
            Issue.record("expected a service")
            return
        }
        #expect(desk.methods == [
            .init(
                name: .init("Get", at: location(3, 7)), inputType: .init(".a.Req", at: location(3, 11)),
                clientStreaming: false, outputType: .init("Res", at: location(3, 35)), serverStreaming: true,
                options: [], hasBody: false, location: location(3, 3), comments: .none
            ),
            .init(
                name: .init("Put", at: location(5, 7)), inputType: .init("Req", at: location(5, 18)),
                clientStreaming: true, outputType: .init("Res", at: location(5, 32)), serverStreaming: false,
                options: [.init(
                    name: [.field(.init("deprecated", at: location(5, 48)))],
                    value: .identifier("true", isNegative: false),
                    location: location(5, 48), valueLocation: location(5, 61), comments: .none
                )],
                hasBody: true, location: location(5, 3), comments: .none
            ),
        ])
    }

    /// protoc's parser rejects a useless `allow_alias`, after the enum's `}`.
    @Test func allowAliasChecks() {
        #expect(diagnostics("syntax = \"proto3\";\nenum E { option allow_alias = true; A = 0; B = 1; }\n") == [
            "test.proto:3:1: \"E\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.",
        ])
        #expect(diagnostics("syntax = \"proto3\";\nenum E { option allow_alias = true; A = 0; B = 0; }\n") == [])
    }
}
