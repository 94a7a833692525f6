import Testing
@testable import SchemaCompiler

/// A finished link leaves no reference cycle: once the session goes, its whole working
/// tree goes with it. (Before, every compilation leaked its tree, and a long fuzzing run
/// grew by gigabytes.)
@Suite struct LinkerMemoryTests {
    static let source = """
        syntax = "proto2";
        enum Kind { A = 0; }
        message Node {
          optional Node next = 1;
          map<string, Node> children = 2;
          optional Kind kind = 3 [default = A];
          optional group G = 4 { optional Node back = 1; }
          extensions 100 to 200;
        }
        extend Node { optional Node link = 100; }
        message Old { option deprecated = true; optional int32 x = 1 [deprecated = true]; }
        service S { rpc Get (Node) returns (Node); }
        """

    @Test func sessionAndNodesAreFreedAfterLinking() throws {
        weak var weakSession: LinkSession?
        weak var weakBuiltIn: LinkSession?
        weak var weakFile: FileNode?
        weak var weakMessage: MessageNode?
        weak var weakField: FieldNode?
        weak var weakEntry: MessageNode?
        try {
            var diagnostics = Diagnostics()
            let ast = Parser.parse(source: Array(Self.source.utf8), path: "test.proto", diagnostics: &diagnostics)
            let session = Linker.linkedSession([ast], warnUnusedImportsIn: nil)
            #expect(session.diagnostics.all.map(\.description) == [])
            let file = try #require(session.files.first)
            let message = try #require(file.messages.first { $0.name.text == "Node" })
            weakSession = session
            weakBuiltIn = session.builtInDescriptor
            weakFile = file
            weakMessage = message
            weakField = message.fields.first
            weakEntry = message.nested.first
            #expect(weakBuiltIn != nil)
            #expect(weakField?.resolvedMessage === message)
            #expect(weakEntry?.generatedForMapField === message.fields[1])
        }()
        #expect(weakSession == nil)
        #expect(weakBuiltIn == nil)
        #expect(weakFile == nil)
        #expect(weakMessage == nil)
        #expect(weakField == nil)
        #expect(weakEntry == nil)
    }
}
