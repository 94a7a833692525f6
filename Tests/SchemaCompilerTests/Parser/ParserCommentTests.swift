import Testing
@testable import SchemaCompiler

/// Comment attachment, checked against protoc's `SourceCodeInfo` for the same sources
/// (`protoc --include_source_info`).
@Suite("Parser: comments")
struct ParserCommentTests {
    static let fieldSource = """
        syntax = "proto3"; // t1
        message M {
          int32 a = 1; /* x */ int32 b = 2;
          int32 c = 3; /* multi
          line */ int32 d = 4;
          // lead e
          int32 e = 5; // trail e
          // next line after e

          int32 f = 6;
          /**/
          int32 g = 7;
          // one
          /* two */
          // three
          // four

          // five
          int32 h = 8;
        }
        """

    @Test func fieldComments() throws {
        let file = parse(Self.fieldSource).file
        guard case .syntax(let syntax) = file.statements[0], case .message(let message) = file.statements[1] else {
            Issue.record("unexpected statements")
            return
        }
        #expect(syntax.comments == Comments(trailing: " t1\n"))
        let comments = message.elements.compactMap { element -> Comments? in
            guard case .field(let field) = element else { return nil }
            return field.comments
        }
        #expect(comments == [
            .none, .none, .none, .none,
            Comments(leading: " lead e\n", trailing: " trail e\n"),
            Comments(leadingDetached: [" next line after e\n"]),
            Comments(trailing: " one\n"),
            Comments(leading: " five\n", leadingDetached: [" two ", " three\n four\n"]),
        ])
    }

    static let declarationSource = """
        // file lead detached

        // syntax lead
        syntax = "proto2"; /* syntax trail
          continues */
        /* detached A */ /* lead? */
        package p; // pkg trail
        ;
        // after empty statement
        import "google/protobuf/descriptor.proto"; // imp
        // option lead
        option java_package = "x"; // opt trail

        /**
         * Javadoc style
         *   indented
         */
        message M { // M trail
          // group lead
          optional group G = 1 [deprecated = true] { // G trail
            // inner lead
            optional int32 x = 1;
          } // after group
          // oneof lead
          oneof o { // o trail
            // of lead
            int32 a = 2; // of trail
            // option in oneof
            option (oo) = 1; // oo trail
          }
          // ext lead
          extensions 100 to 200 [(er) = 1]; // ext trail
          // reserved lead
          reserved 50, 60 to 70; // res trail
          reserved "q"; // names trail
          // nested extend
          extend M { // ext block trail
            // ef lead
            optional int32 ef = 101; // ef trail
          }
          // map lead
          map<string, int32> m = 3; // map trail

          // before close after blank
        }
        // enum lead
        enum E {
          // enum option lead
          option allow_alias = true; // eo trail
          A = 0; B = 0; // same line
          // res
          reserved 5 to 7; // r trail
        }
        service S {
          // opt
          option deprecated = true; // sopt trail
          // m lead
          rpc X(M) returns (M) { // m trail
            // mo lead
            option deprecated = true; // mo trail
            ;
          }
          rpc Y(M) returns (M) {}
          // y2
          rpc Y2(M) returns (M) {} // y2 trail
        }
        // trailing at eof
        """

    @Test func declarationComments() throws {
        let (file, problems) = parse(Self.declarationSource)
        #expect(problems == [])
        guard file.statements.count == 7,
              case .syntax(let syntax) = file.statements[0], case .package(let package) = file.statements[1],
              case .import(let imported) = file.statements[2], case .option(let option) = file.statements[3],
              case .message(let message) = file.statements[4], case .enum(let enumeration) = file.statements[5],
              case .service(let service) = file.statements[6] else {
            Issue.record("unexpected statements")
            return
        }
        #expect(syntax.comments == Comments(
            leading: " syntax lead\n", trailing: " syntax trail\ncontinues ", leadingDetached: [" file lead detached\n"]
        ))
        #expect(package.comments == Comments(leading: " lead? ", trailing: " pkg trail\n", leadingDetached: [" detached A "]))
        #expect(imported.comments == Comments(leading: " after empty statement\n", trailing: " imp\n"))
        #expect(option.comments == Comments(leading: " option lead\n", trailing: " opt trail\n"))
        #expect(message.comments == Comments(leading: "*\n Javadoc style\n   indented\n", trailing: " M trail\n"))
        try checkMessageBody(message.elements)
        #expect(enumeration.comments == Comments(leading: " enum lead\n"))
        #expect(enumeration.options.map(\.comments) == [Comments(leading: " enum option lead\n", trailing: " eo trail\n")])
        #expect(enumeration.values.map(\.comments) == [.none, Comments(trailing: " same line\n")])
        #expect(enumeration.reserved.map(\.comments) == [Comments(leading: " res\n", trailing: " r trail\n")])
        #expect(service.comments == .none)
        #expect(service.options.map(\.comments) == [Comments(leading: " opt\n", trailing: " sopt trail\n")])
        #expect(service.methods.map(\.comments) == [
            // The comment after `{}` follows a `}`, which attaches nothing.
            Comments(leading: " m lead\n", trailing: " m trail\n"), .none, Comments(leading: " y2\n"),
        ])
        #expect(service.methods[0].options.map(\.comments) == [Comments(leading: " mo lead\n", trailing: " mo trail\n")])
    }

    func checkMessageBody(_ elements: [AST.MessageElement]) throws {
        guard elements.count == 7,
              case .group(let group) = elements[0], case .oneof(let oneof) = elements[1],
              case .extensions(let extensions) = elements[2], case .reserved(let numbers) = elements[3],
              case .reserved(let names) = elements[4], case .extend(let extend) = elements[5],
              case .map(let map) = elements[6] else {
            Issue.record("unexpected message elements \(elements)")
            return
        }
        #expect(group.comments == Comments(leading: " group lead\n", trailing: " G trail\n"))
        guard case .field(let inner) = group.elements.first else {
            Issue.record("expected a field in the group")
            return
        }
        #expect(inner.comments == Comments(leading: " inner lead\n"))
        #expect(oneof.comments == Comments(leading: " oneof lead\n", trailing: " o trail\n"))
        guard case .field(let member) = oneof.elements[0], case .option(let option) = oneof.elements[1] else {
            Issue.record("expected a field and an option in the oneof")
            return
        }
        #expect(member.comments == Comments(leading: " of lead\n", trailing: " of trail\n"))
        #expect(option.comments == Comments(leading: " option in oneof\n", trailing: " oo trail\n"))
        #expect(extensions.comments == Comments(leading: " ext lead\n", trailing: " ext trail\n"))
        #expect(numbers.comments == Comments(leading: " reserved lead\n", trailing: " res trail\n"))
        #expect(names.comments == Comments(trailing: " names trail\n"))
        #expect(extend.comments == Comments(leading: " nested extend\n", trailing: " ext block trail\n"))
        #expect(extend.fields.map(\.comments) == [Comments(leading: " ef lead\n", trailing: " ef trail\n")])
        #expect(map.comments == Comments(leading: " map lead\n", trailing: " map trail\n"))
    }

    @Test func commentScannerAtFileStart() {
        let tokens = Lexer.tokenize(Array("/* a */\n\n// b\n// c\nsyntax".utf8))
        #expect(CommentScanner.comments(in: tokens, after: -1) == CollectedComments(
            trailing: "", detached: [" a "], leading: " b\n c\n"
        ))
    }

    /// A comment just before `}` trails what precedes it, even across a line.
    @Test func commentBeforeClosingBraceTrails() {
        let tokens = Lexer.tokenize(Array("a;\n  // x\n}".utf8))
        #expect(CommentScanner.comments(in: tokens, after: 1) == CollectedComments(trailing: " x\n"))
    }

    @Test func windowsLineEndingsStayInTheText() {
        let tokens = Lexer.tokenize(Array("a; // x\r\nb".utf8))
        #expect(CommentScanner.comments(in: tokens, after: 1) == CollectedComments(trailing: " x\r\n"))
    }
}
