import ProtoWireGRPC

/// Tab completion for the shell's command line, for any line editor: command names,
/// services, `Service/Method` and `Service.Method`, and the JSON field names of the
/// method's request type and of the messages nested in it. Pure (no I/O), so editors and tests call it directly.
public struct ShellCompleter: Sendable {
    public let schema: ShellSchema

    public init(schema: ShellSchema = .portico) {
        self.schema = schema
    }

    /// The full words that could replace the word ending at `cursor` (a character
    /// offset into `line`), sorted; empty when nothing fits. Each candidate replaces the
    /// whole word under the cursor: for a JSON field that word starts after the `"`.
    public func completions(for line: String, cursor: Int) -> [String] {
        let before = String(line.prefix(max(0, cursor)))
        let words = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let endsWithSpace = before.last == " "
        let current = endsWithSpace ? "" : (words.last ?? "")
        let previous = endsWithSpace ? words : Array(words.dropLast())
        guard let command = previous.first else {
            return sorted(Self.commandNames + methodNames(dotted: true), matching: current)
        }
        // After `call Service/Method` or `Service.Method`: inside the request's JSON.
        if let method = schema.method(named: command == "call" ? previous.dropFirst().first ?? "" : command) {
            return fieldCompletions(before: before, method: method)
        }
        switch (command, previous.count) {
        case ("call", 1), ("describe", 1): return sorted(methodNames(dotted: false), matching: current)
        case ("methods", 1): return sorted(schema.services.map(schema.displayName(of:)), matching: current)
        case ("help", 1): return sorted(Self.commandNames, matching: current)
        case ("format", 1): return sorted(["json", "table"], matching: current)
        default: return []
        }
    }

    /// Every command `help` lists, methods aside.
    public static let commandNames = ShellHelp.usage.keys.sorted()

    private func methodNames(dotted: Bool) -> [String] {
        schema.allMethods.map { method in
            dotted ? method.displayName.replacingSlash(with: ".") : method.displayName
        }
    }

    /// Inside the JSON argument: after an opening `"` that starts a key, the field names
    /// of the message that object is, followed down from the request through nested
    /// messages, repeated messages and map values (`JSONKeyPosition`).
    private func fieldCompletions(before: String, method: ShellSchema.Method) -> [String] {
        guard let quote = before.lastIndex(of: "\""), let open = before.firstIndex(of: "{"), open < quote,
            let type = JSONKeyPosition.messageType(
                atEndOf: before[open..<quote], root: method.method.inputType, messages: schema.messages
            ),
            let message = schema.messages[type]
        else { return [] }
        let partial = String(before[before.index(after: quote)...])
        return sorted(message.fields.map(\.jsonName), matching: partial)
    }

    private func sorted(_ candidates: [String], matching prefix: String) -> [String] {
        Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
    }
}

extension String {
    func replacingSlash(with replacement: Character) -> String {
        String(map { $0 == "/" ? replacement : $0 })
    }
}
