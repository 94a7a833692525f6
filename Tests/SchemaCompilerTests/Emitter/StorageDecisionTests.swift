import Testing
@testable import SchemaCompiler

/// Which messages need class storage: those on a cycle of singular message fields.
@Suite struct StorageDecisionTests {
    /// Messages named by their edges: `["A": ["B"]]` is `message A { B b = 1; }`.
    static func messages(_ edges: [String: [String]], repeated: Set<String> = []) -> [String: MessageDescriptor] {
        var result: [String: MessageDescriptor] = [:]
        for (name, targets) in edges {
            var message = MessageDescriptor(name: name)
            message.fullName = "." + name
            message.fields = targets.enumerated().map { index, target in
                let label: FieldDescriptor.Label = repeated.contains(name) ? .repeated : .optional
                var field = FieldDescriptor(name: "f\(index)", number: Int32(index + 1), label: label, type: .message)
                field.typeName = "." + target
                return field
            }
            result["." + name] = message
        }
        return result
    }

    @Test func cyclesSelfReferencesAndTails() {
        let graph = Self.messages([
            "A": ["B"], "B": ["C"], "C": ["A", "D"], "D": [], "E": ["A"], "F": ["F"], "G": ["H"], "H": ["G"],
        ], repeated: ["H"])
        #expect(StorageDecision.messagesInCycles(graph) == [".A", ".B", ".C", ".F"])
    }

    /// The search is iterative: a path 100,000 messages long is no deeper on the stack.
    @Test func longChainWithoutACycle() {
        let count = 100_000
        let edges = Dictionary(uniqueKeysWithValues: (0..<count).map { ("M\($0)", $0 + 1 < count ? ["M\($0 + 1)"] : []) })
        #expect(StorageDecision.messagesInCycles(Self.messages(edges)) == [])
    }

    @Test func longCycle() {
        let count = 100_000
        let edges = Dictionary(uniqueKeysWithValues: (0..<count).map { ("M\($0)", ["M\(($0 + 1) % count)"]) })
        #expect(StorageDecision.messagesInCycles(Self.messages(edges)).count == count)
    }
}
