import Foundation
import Testing
@testable import SchemaCompiler

@Suite("Parser on the conformance corpus")
struct ConformanceCorpusTests {
    static let valid: [String] = conformanceDirectory().map { protoFiles(under: $0.appendingPathComponent("valid")) } ?? []

    @Test func corpusIsFound() {
        #expect(Self.valid.count >= 40)
    }

    @Test("every valid file parses without diagnostics", arguments: valid)
    func validFileParses(_ relativePath: String) throws {
        let directory = try #require(conformanceDirectory()).appendingPathComponent("valid")
        let source = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(relativePath).path))
        var diagnostics = Diagnostics()
        let file = Parser.parse(source: [UInt8](source), path: relativePath, diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == [])
        #expect(!file.statements.isEmpty)
    }

    /// The invalid cases protoc rejects while parsing, with protoc's exact output.
    static let parseErrors: [(file: String, expected: [String])] = [
        ("allow_alias_set_false.proto", [
            "11:1: \"Genre\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.",
        ]),
        ("allow_alias_without_aliases.proto", [
            "12:1: \"Genre\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.",
        ]),
        ("bad_hex_literal.proto", ["7:19: \"0x\" must be followed by hex digits."]),
        ("default_value.proto", ["7:31: Explicit default values are not allowed in proto3."]),
        ("enum_value_missing_number.proto", ["8:15: Missing numeric value for enum constant."]),
        ("enum_value_out_of_range.proto", ["8:18: Integer out of range."]),
        ("extension_range.proto", ["8:14: Extension ranges are not allowed in proto3."]),
        ("field_number_negative.proto", ["7:18: Expected field number."]),
        ("group_field.proto", ["7:12: Groups are not supported in proto3 syntax."]),
        ("invalid_escape.proto", ["7:37: Invalid escape sequence in string literal."]),
        ("map_repeated.proto", ["7:15: Field labels (required/optional/repeated) are not allowed on map fields."]),
        ("missing_closing_brace.proto", ["11:1: Reached end of input in message definition (missing '}')."]),
        ("missing_semicolon.proto", ["8:3: Expected \";\"."]),
        ("nested_block_comment.proto", ["7:30: \"/*\" inside block comment.  Block comments cannot be nested."]),
        ("number_glued_to_identifier.proto", [
            "7:10: Need space between number and identifier.", "7:9: Expected field name.",
        ]),
        ("oneof_empty.proto", ["9:3: Expected type name."]),
        ("oneof_map.proto", ["9:8: Map fields are not allowed in oneofs."]),
        ("oneof_repeated.proto", ["9:5: Fields in oneofs must not have labels (required / optional / repeated)."]),
        ("repeated_option_list_syntax.proto", ["23:22: Expected option value."]),
        ("required_label.proto", ["7:12: Required fields are not allowed in proto3."]),
        ("stray_symbol_in_field.proto", ["7:10: Expected field name."]),
        ("unknown_syntax.proto", [
            "2:10: Unrecognized syntax identifier \"proto4\".  This parser only recognizes \"proto2\" and \"proto3\".",
        ]),
        ("unterminated_block_comment.proto", [
            "12:1: End-of-file inside block comment.", "10:1:   Comment started here.",
        ]),
        ("unterminated_string.proto", ["6:42: String literals cannot cross line boundaries.", "8:1: Expected \";\"."]),
    ]

    @Test("invalid files rejected by protoc's parser get its exact errors", arguments: parseErrors)
    func invalidFile(_ file: String, expected: [String]) throws {
        let directory = try #require(conformanceDirectory()).appendingPathComponent("invalid")
        let source = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(file).path))
        var diagnostics = Diagnostics()
        _ = Parser.parse(source: [UInt8](source), path: file, diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == expected.map { "\(file):\($0)" })
    }

    /// The other invalid cases are the linker's: the parser must accept them.
    @Test func invalidFilesOfLaterStagesParseCleanly() throws {
        let directory = try #require(conformanceDirectory()).appendingPathComponent("invalid")
        let parseLevel = Set(Self.parseErrors.map(\.file))
        for file in protoFiles(under: directory) where !parseLevel.contains(file) {
            let source = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(file).path))
            var diagnostics = Diagnostics()
            _ = Parser.parse(source: [UInt8](source), path: file, diagnostics: &diagnostics)
            #expect(diagnostics.all.map(\.description) == [], "\(file)")
        }
    }
}
